/** The options page's sync part: the set-up form while sync is off, the state and its actions while it is on. */
import { useEffect, useState } from 'preact/hooks';
import type { SyncStatus } from '../core/protocol/messages';
import { t } from '../shared/i18n';
import { send } from '../shared/messaging';
import { Section } from './Section';
import { SyncSetupForm } from './sync/SyncSetupForm';
import { SyncStatusPanel } from './sync/SyncStatusPanel';

/** How often the page asks the background for the state while it shows it (a message, not a network request). */
const POLL_MS = 1_500;

export function SyncSection() {
  const [status, setStatus] = useState<SyncStatus | undefined>();
  const refresh = () => send({ type: 'sync.status' }).then(setStatus, () => undefined);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <Section id="sync" title={t('syncTitle')} lead={t('syncLead')}>
      {!status ? null : status.enabled ? (
        <SyncStatusPanel status={status} onChange={setStatus} />
      ) : (
        <SyncSetupForm onEnabled={() => void refresh()} />
      )}
    </Section>
  );
}
