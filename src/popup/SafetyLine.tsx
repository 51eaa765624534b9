/** One line in the popup while the notebook is found wiped (safety.ts's store-lost state): a link to the notebook's restore. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { SafetyState } from '../core/protocol/messages';
import { t } from '../shared/i18n';
import { send } from '../shared/messaging';

/** The notebook focuses its restore button when opened at this fragment (SafetyBanner). */
export const RESTORE_FRAGMENT = '#safety';

export function SafetyLine() {
  const [lost, setLost] = useState<SafetyState['lost']>();
  useEffect(() => {
    send({ type: 'storage.status' }).then(
      (s) => setLost(s.safety?.lost),
      () => undefined,
    );
  }, []);
  if (!lost) return null;
  return (
    <p class="safety-line" role="alert">
      <a
        href={`notebook.html${RESTORE_FRAGMENT}`}
        onClick={(e) => {
          // A link in the popup would open inside the popup: the notebook gets a tab of its own.
          e.preventDefault();
          void browser.tabs.create({ url: browser.runtime.getURL(`notebook.html${RESTORE_FRAGMENT}`) });
        }}
      >
        {t('popupSafetyLost', String(lost.found), String(lost.expected))}
      </a>
    </p>
  );
}
