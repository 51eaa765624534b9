/** "Enabled on this site": writes the same site list as the options page, in the list the reader's mode reads. */
import { useEffect, useState } from 'preact/hooks';
import { siteEnabled, sitePatch } from '../core/settings';
import { t } from '../shared/i18n';
import { send, sendToTab } from '../shared/messaging';

export function SiteSwitch({ url, tabId, onChange }: { url: string; tabId: number; onChange(): void }) {
  const host = (() => {
    try {
      return new URL(url).hostname;
    } catch {
      return '';
    }
  })();
  const [enabled, setEnabled] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    void send({ type: 'settings.get' }).then((s) => setEnabled(siteEnabled(s, host)));
  }, [host]);
  if (!host || enabled === undefined) return null;
  const toggle = async () => {
    const settings = await send({ type: 'settings.get' });
    // The background tells every tab of the new settings; the tab message below answers only once it has started or stopped.
    await send({ type: 'settings.set', patch: sitePatch(settings, host, !enabled) });
    await sendToTab(tabId, { type: 'page.setSiteEnabled', on: !enabled }).catch(() => undefined);
    setEnabled(!enabled);
    onChange();
  };
  return (
    <label class="switch site-switch">
      <input type="checkbox" role="switch" checked={enabled} onChange={() => void toggle()} />
      {t('popupSiteEnabled')}
    </label>
  );
}
