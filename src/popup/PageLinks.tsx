/** The popup's two ways out: the notebook in a tab of its own, and the options page. */
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';

function openNotebook(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('notebook.html') });
}

/** The options page, as the browser's own extension menu opens it. */
function openOptions(): void {
  void browser.runtime.openOptionsPage();
}

export function PageLinks() {
  return (
    <>
      <button type="button" class="link" onClick={openNotebook}>
        {t('popupOpenNotebook')}
      </button>
      <button type="button" class="link" onClick={openOptions}>
        {t('popupOpenOptions')}
      </button>
    </>
  );
}
