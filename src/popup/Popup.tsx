/** The toolbar popup: this page's people and notes, the switches, and the way to the notebook. */
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { newNoteId, parseTags, pageKey } from '../core/notes/model';
import { exportNotes } from '../shared/export-client';
import { t, tCount } from '../shared/i18n';
import { saveNote } from '../shared/save-note';
import { sendToTab } from '../shared/messaging';
import { EntityGroups } from './EntityGroups';
import { PageLinks } from './PageLinks';
import { PageNoteForm } from './PageNoteForm';
import { PageNotes } from './PageNotes';
import { PeopleTimeline } from './PeopleTimeline';
import { SafetyLine } from './SafetyLine';
import { SiteSwitch } from './SiteSwitch';
import { SyncLine } from './SyncLine';
import { usePageSummary } from './usePageSummary';

export function Popup() {
  const [state, refresh] = usePageSummary();
  const [writing, setWriting] = useState(false);
  if (state.status === 'loading')
    return (
      <main class="popup">
        <p class="empty">{t('popupReading')}</p>
      </main>
    );
  if (state.status === 'unavailable') {
    return (
      <main class="popup">
        <h1>{t('extName')}</h1>
        <SafetyLine />
        <p class="empty">{state.reason}</p>
        <footer class="bottom popup-links">
          <PageLinks />
        </footer>
        <SyncLine />
      </main>
    );
  }
  const { summary, tabId } = state;
  const toggle = async () => {
    await sendToTab(tabId, { type: 'page.setHighlights', on: !summary.highlightsOn });
    refresh();
  };
  const savePageNote = async (text: string, tags: string) => {
    const now = Date.now();
    await saveNote({
      id: newNoteId(),
      kind: 'page',
      text,
      tags: parseTags(tags),
      created: now,
      updated: now,
      page: { url: pageKey(summary.url), title: summary.title.trim() },
    });
    await sendToTab(tabId, { type: 'page.notesChanged' }).catch(() => undefined);
    setWriting(false);
    refresh();
  };
  const pick = (id: string) => void sendToTab(tabId, { type: 'page.scrollTo', id });
  return (
    <main class="popup">
      <header class="top">
        <h1>{t('extName')}</h1>
        <label class="switch">
          <input type="checkbox" role="switch" checked={summary.highlightsOn} onChange={toggle} />
          {t('popupHighlights')}
        </label>
      </header>
      <SafetyLine />
      <p class="page-title">{summary.title || summary.url}</p>
      {browser.extension.inIncognitoContext && (
        <p class="notice" role="note">
          {t('popupPrivateWindow')}
        </p>
      )}
      <section class="notes-section" aria-label={t('popupNotesLabel')}>
        <h2>
          {t('popupNotes')} <span class="count">{summary.notes.length}</span>
        </h2>
        <PageNotes notes={summary.notes} orphans={summary.orphans} />
        {writing ? (
          <PageNoteForm onSave={savePageNote} onCancel={() => setWriting(false)} />
        ) : (
          <button type="button" class="link" onClick={() => setWriting(true)}>
            {t('popupAddPageNote')}
          </button>
        )}
      </section>
      <PeopleTimeline people={summary.entities} onPick={pick} />
      <EntityGroups entities={summary.entities} onPick={pick} />
      {summary.ambiguous > 0 && <p class="note">{tCount('popupAmbiguous', summary.ambiguous)}</p>}
      <footer class="bottom">
        <SiteSwitch url={summary.url} tabId={tabId} onChange={refresh} />
        {summary.notes.length > 0 && (
          <button
            type="button"
            class="link"
            onClick={() => void exportNotes('markdown', summary.notes, summary.title || summary.url, summary.title || 'page')}
          >
            {t('popupExportMarkdown')}
          </button>
        )}
        <PageLinks />
      </footer>
      <SyncLine />
    </main>
  );
}
