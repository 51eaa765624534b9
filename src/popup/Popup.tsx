/** The toolbar popup: what this page names, and the switch for its highlights. */
import { sendToTab } from '../shared/messaging';
import { EntityGroups } from './EntityGroups';
import { PeopleTimeline } from './PeopleTimeline';
import { usePageSummary } from './usePageSummary';

export function Popup() {
  const [state, refresh] = usePageSummary();
  if (state.status === 'loading') return <main class="popup"><p class="empty">Reading the page…</p></main>;
  if (state.status === 'unavailable') return <main class="popup"><h1>Dramatis</h1><p class="empty">{state.reason}</p></main>;
  const { summary, tabId } = state;
  const toggle = async () => {
    await sendToTab(tabId, { type: 'page.setHighlights', on: !summary.highlightsOn });
    refresh();
  };
  return (
    <main class="popup">
      <header class="top">
        <h1>Dramatis</h1>
        <label class="switch">
          <input type="checkbox" role="switch" checked={summary.highlightsOn} onChange={toggle} />
          Highlights on this page
        </label>
      </header>
      <p class="page-title">{summary.title || summary.url}</p>
      <PeopleTimeline people={summary.entities} onPick={(id) => void sendToTab(tabId, { type: 'page.scrollTo', id })} />
      <EntityGroups entities={summary.entities} onPick={(id) => void sendToTab(tabId, { type: 'page.scrollTo', id })} />
      {summary.ambiguous > 0 && <p class="note">{summary.ambiguous} ambiguous {summary.ambiguous === 1 ? 'name' : 'names'}: hover to choose.</p>}
    </main>
  );
}
