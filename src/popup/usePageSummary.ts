/** The active tab's summary from its content script, or a reason why there is none. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { PageSummary } from '../core/protocol/messages';
import { sendToTab } from '../shared/messaging';

export type SummaryState =
  | { status: 'loading' }
  | { status: 'ready'; tabId: number; summary: PageSummary }
  | { status: 'unavailable'; reason: string };

export function usePageSummary(): [SummaryState, () => void] {
  const [state, setState] = useState<SummaryState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) throw new Error('No active tab.');
      const summary = await sendToTab(tab.id, { type: 'page.summary' });
      if (!cancelled) setState({ status: 'ready', tabId: tab.id, summary });
    })().catch(() => {
      if (!cancelled) setState({ status: 'unavailable', reason: 'Dramatis does not run on this page (browser pages, the extension store and PDF viewers are off limits).' });
    });
    return () => { cancelled = true; };
  }, [generation]);
  return [state, () => setGeneration((g) => g + 1)];
}
