/** Sentences for sync's states and problems, shared by the options page's sync components. */
import type { SyncProblemCode, SyncStatus } from '../../core/protocol/messages';
import { t } from '../../shared/i18n';

/** What is wrong, in the reader's words: each problem code has its own message key (syncProblem_<code>). */
export function problemText(problem: SyncProblemCode): string {
  return t(`syncProblem_${problem.replace(/-/g, '_')}`);
}

/** "Last synced …" or why the last round failed, with when the next try is. */
export function outcomeText(status: SyncStatus): string {
  if (status.running) return t('syncRunning');
  if (status.outcome === 'never') return t('syncNever');
  const when = new Date(status.outcome === 'ok' ? status.lastSuccess! : status.lastAttempt!).toLocaleString();
  if (status.outcome === 'ok') return t('syncLastOk', when, status.sent, status.received, status.conflicts);
  const retry = status.nextRetry ? ` ${t('syncRetryAt', new Date(status.nextRetry).toLocaleTimeString())}` : '';
  return `${t('syncLastFailed', when)} ${status.problem ? problemText(status.problem) : ''}${retry}`;
}
