/** Notes as one Markdown file a reader can paste anywhere: grouped by page, then by person, place or event. */
import { formatLifespan } from '../dates';
import { noteLink } from '../notes/links';
import type { Note } from '../notes/model';
import { entityGroups, isoDay, isoTime, pageGroups, type EntityGroup, type ExportOptions } from './group';
import {
  escapeInline,
  escapeTextLines,
  frontMatter,
  linkOrText,
  markdownUrl,
  quoteBlock,
  safeNoteMarkdown,
  tagLine,
} from './safe-markdown';

export type { ExportEntity, ExportOptions } from './group';

export const ENTITY_SECTION = 'Notes on people, places and events';
/** Between two notes under one heading. Not "---", which a reader could mistake for front matter. */
export const NOTE_SEPARATOR = '* * *';

/** One note's Markdown blocks: the quoted passage, the reader's text, tags and link, and where it was written. */
export function noteBlocks(note: Note, writtenOn?: (page: { url: string; title: string }) => string): string[] {
  const blocks: string[] = [];
  const quote = note.kind === 'passage' ? quoteBlock(note.target.quote.exact) : '';
  if (quote) blocks.push(quote);
  const text = safeNoteMarkdown(note.text);
  if (text) blocks.push(text);
  // Tags, and for a passage a link that scrolls the page to it (a text fragment), on one closing line.
  const link = note.kind === 'passage' ? noteLink(note) : undefined;
  const meta = [tagLine(note.tags), link ? `[↗ in context](${markdownUrl(link)})` : ''].filter(Boolean).join(' · ');
  if (meta) blocks.push(meta);
  if (note.kind === 'entity' && note.page && writtenOn) blocks.push(`*Written on* ${writtenOn(note.page)}, ${isoDay(note.created)}`);
  // An empty page note still takes its place, so separators never pile up.
  return blocks.length > 0 ? blocks : ['*(empty note)*'];
}

/** Notes one after another, separated so two page notes never run together. */
export function noteList(notes: Note[], writtenOn?: (page: { url: string; title: string }) => string): string[] {
  return notes.flatMap((n, i) => [...(i > 0 ? [NOTE_SEPARATOR] : []), ...noteBlocks(n, writtenOn)]);
}

/** "1899–1941, aged 41 · Soviet intelligence officer.", or "" when nothing is known. */
export function entitySummary(group: EntityGroup): string {
  const e = group.entity;
  if (!e) return '';
  const parts = [formatLifespan(e), e.description.replace(/\s+/g, ' ').trim()].filter(Boolean);
  return escapeTextLines(parts.join(' · ')).join(' ');
}

export function notesToMarkdown(notes: Note[], options: ExportOptions): string {
  const title = options.title.replace(/\s+/g, ' ').trim() || 'Dramatis notes';
  // note_count is a number we produce, so it is written bare; every string is quoted and escaped.
  const blocks = [
    frontMatter([
      ['title', options.title],
      ['exported_at', isoTime(options.exportedAt)],
      ['note_count', notes.length],
    ]),
    `# ${escapeInline(title)}`,
  ];
  if (notes.length === 0) blocks.push('No notes yet.');

  for (const page of pageGroups(notes)) {
    blocks.push(`## ${linkOrText(page.title, page.url)}`, `*Noted ${isoDay(page.first)}*`, ...noteList(page.notes));
  }

  const entities = entityGroups(notes, options.entities);
  if (entities.length > 0) blocks.push(`# ${ENTITY_SECTION}`);
  for (const group of entities) {
    const summary = entitySummary(group);
    blocks.push(`## ${escapeInline(group.name)}`, ...(summary ? [summary] : []));
    blocks.push(...noteList(group.notes, (p) => linkOrText(p.title.trim() || p.url, p.url)));
  }
  return `${blocks.join('\n\n')}\n`;
}
