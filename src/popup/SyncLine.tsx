/** One small line in the popup while sync is on: when it last synced, or that it needs attention. Nothing when sync is off. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { SyncStatus } from '../core/protocol/messages';
import { t } from '../shared/i18n';
import { send } from '../shared/messaging';

export function SyncLine() {
  const [status, setStatus] = useState<SyncStatus | undefined>();
  useEffect(() => {
    send({ type: 'sync.status' }).then(setStatus, () => undefined);
  }, []);
  if (!status?.enabled) return null;
  const text = status.running
    ? t('syncPopupRunning')
    : status.outcome === 'error'
      ? t('syncPopupError')
      : status.lastSuccess
        ? t('syncPopupOk', new Date(status.lastSuccess).toLocaleString())
        : t('syncPopupRunning');
  return (
    <p class={status.outcome === 'error' && !status.running ? 'sync-line error' : 'sync-line'}>
      <a
        href="#"
        onClick={(e) => {
          e.preventDefault();
          void browser.runtime.openOptionsPage();
        }}
      >
        {text}
      </a>
    </p>
  );
}
