/** "Enabled on this site": the reader can switch Dramatis off for a whole site. */
import { useEffect, useState } from 'preact/hooks';
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
    void send({ type: 'settings.get' }).then((s) => setEnabled(!s.disabledSites.includes(host)));
  }, [host]);
  if (!host || enabled === undefined) return null;
  const toggle = async () => {
    const settings = await send({ type: 'settings.get' });
    const sites = new Set(settings.disabledSites);
    if (enabled) sites.add(host);
    else sites.delete(host);
    await send({ type: 'settings.set', patch: { disabledSites: [...sites].sort() } });
    await sendToTab(tabId, { type: 'page.setSiteEnabled', on: !enabled }).catch(() => undefined);
    setEnabled(!enabled);
    onChange();
  };
  return (
    <label class="switch site-switch">
      <input type="checkbox" role="switch" checked={enabled} onChange={() => void toggle()} />
      Enabled on this site
    </label>
  );
}
