/** The page as the popup shows it: its entities by number of mentions, its notes, orphans and switches. */
import type { Note, PassageNote } from '../core/notes/model';
import type { PageSummary } from '../core/protocol/messages';
import type { PageMentions } from './mentions';

export function pageSummary(
  mentions: PageMentions,
  notes: ReadonlyMap<string, Note>,
  orphans: readonly PassageNote[],
  highlightsOn: boolean,
): PageSummary {
  const counts = new Map<string, number>();
  let ambiguous = 0;
  for (const pm of mentions.entries()) {
    if (pm.id) counts.set(pm.id, (counts.get(pm.id) ?? 0) + 1);
    else ambiguous++;
  }
  const entities = [...counts].flatMap(([id, count]) => {
    const e = mentions.entity(id);
    return e ? [{ id, name: e.name, type: e.type, count, born: e.born, died: e.died }] : [];
  });
  entities.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return {
    url: location.href,
    title: document.title,
    highlightsOn,
    entities,
    ambiguous,
    notes: [...notes.values()].filter((n) => n.kind !== 'entity'),
    orphans: orphans.map((n) => n.id),
  };
}

/** What the popup sees on a site where Dramatis is switched off. */
export function idleSummary(): PageSummary {
  return { url: location.href, title: document.title, highlightsOn: false, entities: [], ambiguous: 0, notes: [], orphans: [] };
}
