/** The active tab's summary from its content script, or a reason why there is none. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { PageSummary } from '../core/protocol/messages';
import { t } from '../shared/i18n';
import { sendToTab } from '../shared/messaging';

export type SummaryState =
  { status: 'loading' } | { status: 'ready'; tabId: number; summary: PageSummary } | { status: 'unavailable'; reason: string };

/**
 * The tab the popup speaks for: the active tab, or ?tab=ID when the popup is opened as a page of its
 * own (from the keyboard, or by the end-to-end tests, where there is no toolbar to click).
 */
async function targetTabId(): Promise<number> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error(t('popupNoActiveTab'));
  return tab.id;
}

export function usePageSummary(): [SummaryState, () => void] {
  const [state, setState] = useState<SummaryState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const tabId = await targetTabId();
      const summary = await sendToTab(tabId, { type: 'page.summary' });
      if (!cancelled) setState({ status: 'ready', tabId, summary });
    })().catch(() => {
      if (!cancelled)
        setState({
          status: 'unavailable',
          reason: t('popupUnavailable'),
        });
    });
    return () => {
      cancelled = true;
    };
  }, [generation]);
  return [state, () => setGeneration((g) => g + 1)];
}
