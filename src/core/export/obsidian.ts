/** Notes as an Obsidian vault: a file per page and per entity, linked both ways with [[wikilinks]], zipped byte-stably. */
import { strToU8, zipSync } from 'fflate';
import { pageKey, type Note } from '../notes/model';
import { byCreated, compareCodes, comparePages, entityGroups, isoDay, pageGroups, type EntityGroup, type ExportOptions } from './group';
import { entitySummary, noteList, ENTITY_SECTION } from './markdown';
import { isPageUrl } from '../notes/safe-links';
import { escapeInline, frontMatter, markdownUrl, tagName, wellFormed } from './safe-markdown';

export const PAGES_FOLDER = 'Pages';
export const ENTITIES_FOLDER = 'Entities';
const MAX_NAME = 100;

/**
 * A file name every system and Obsidian accept: no / \ : * ? " < > |, and none of # ^ [ ] either,
 * which Obsidian cannot put in a [[wikilink]]; no control characters, no leading dots (hidden files),
 * no trailing dots or spaces (Windows drops them), at most 100 characters.
 */
export function sanitizeFileName(name: string, max = MAX_NAME): string {
  const cleaned = wellFormed(name)
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/:/g, ' -')
    .replace(/[/\\|]/g, '-')
    .replace(/"/g, "'")
    .replace(/[*?<>#^[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '');
  // Cut by code points so an emoji is never split in half.
  let s = [...cleaned]
    .slice(0, max)
    .join('')
    .replace(/[\s.]+$/, '');
  if (s === '') s = 'Untitled';
  // Windows reserves these names whatever the extension.
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(s)) s = `${s}_`;
  return s;
}

/** Gives each name a unique file name within a folder, appending " (2)", " (3)"... in call order. */
function uniqueNames(): (name: string) => string {
  // Compared case-insensitively: macOS and Windows would make "Lenin" and "lenin" one file.
  const taken = new Set<string>();
  return (name) => {
    let base = sanitizeFileName(name);
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      if (suffix) base = sanitizeFileName(name, MAX_NAME - suffix.length);
      const candidate = base + suffix;
      const key = candidate.toLowerCase();
      if (!taken.has(key)) {
        taken.add(key);
        return candidate;
      }
    }
  };
}

/** A readable file name for a page with no title: its address without the scheme. */
function untitledName(url: string): string {
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/*/i, '');
  try {
    return decodeURI(rest);
  } catch {
    return rest; // malformed percent-encoding: keep it as it is
  }
}

/** Text shown for a wikilink: nothing that could end the link or split it at "|". */
const linkLabel = (s: string): string =>
  s
    .replace(/[[\]|<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const wikilink = (folder: string, file: string, label: string): string => `[[${folder}/${file}|${linkLabel(label) || file}]]`;

interface VaultPage {
  url: string;
  title: string;
  notes: Note[];
  first: number;
  file: string;
  entities: EntityGroup[];
}

export function notesToObsidianFiles(notes: Note[], options: ExportOptions): Record<string, string> {
  // Every page a note was written on gets a file, including pages with only entity notes,
  // so an entity's "written on" link always has somewhere to go.
  const pages = new Map<string, VaultPage>();
  for (const g of pageGroups(notes)) pages.set(g.url, { ...g, file: '', entities: [] });
  for (const n of [...notes].sort(byCreated)) {
    if (n.kind !== 'entity' || !n.page) continue;
    const url = pageKey(n.page.url);
    if (!pages.has(url))
      pages.set(url, { url, title: n.page.title.replace(/\s+/g, ' ').trim() || url, notes: [], first: n.created, file: '', entities: [] });
  }
  const sortedPages = [...pages.values()].sort(comparePages);
  const pageName = uniqueNames();
  for (const p of sortedPages) p.file = pageName(p.title === p.url ? untitledName(p.url) : p.title);

  const groups = entityGroups(notes, options.entities);
  const entityName = uniqueNames();
  const entityFiles = new Map(groups.map((g) => [g.id, entityName(g.name)]));
  for (const g of groups) {
    for (const url of new Set(g.notes.map((n) => (n.page ? pageKey(n.page.url) : '')))) pages.get(url)?.entities.push(g);
  }

  const files: Record<string, string> = {};
  for (const p of sortedPages) files[`${PAGES_FOLDER}/${p.file}.md`] = pageFile(p, entityFiles);
  for (const g of groups) {
    const pageLink = (page: { url: string }) => {
      const target = pages.get(pageKey(page.url))!;
      return wikilink(PAGES_FOLDER, target.file, target.title);
    };
    files[`${ENTITIES_FOLDER}/${entityFiles.get(g.id)}.md`] = entityFile(g, entityFiles.get(g.id)!, pageLink);
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => compareCodes(a, b)));
}

const allTags = (notes: Note[]): string[] => [...new Set(notes.flatMap((n) => n.tags.map(tagName)).filter(Boolean))];
/** The full title as an alias when the file name had to shorten or change it, so Obsidian still finds it. */
const aliasesFor = (title: string, file: string, others: string[] = []): string[] => [
  ...new Set([...(title !== file ? [title] : []), ...others]),
];

function pageFile(p: VaultPage, entityFiles: Map<string, string>): string {
  const blocks = [
    frontMatter([
      ['title', p.title],
      ['url', p.url],
      ['type', 'page'],
      ['created', isoDay(p.first)],
      ['tags', allTags(p.notes)],
      ['aliases', aliasesFor(p.title, p.file)],
    ]),
    `# ${escapeInline(p.title)}`,
    isPageUrl(p.url) ? `[Open the page](${markdownUrl(p.url)})` : `Address: ${escapeInline(p.url)}`,
    ...noteList(p.notes),
  ];
  if (p.entities.length > 0) {
    blocks.push(`## ${ENTITY_SECTION}`, p.entities.map((g) => `- ${wikilink(ENTITIES_FOLDER, entityFiles.get(g.id)!, g.name)}`).join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

function entityFile(g: EntityGroup, file: string, pageLink: (page: { url: string }) => string): string {
  const summary = entitySummary(g);
  const blocks = [
    frontMatter([
      ['title', g.name],
      ['type', g.entity?.type ?? 'entity'],
      ['entity_id', g.id],
      ...(g.entity?.description.trim() ? [['description', g.entity.description.trim()] as [string, string]] : []),
      ['created', isoDay(g.notes[0]!.created)],
      ['tags', allTags(g.notes)],
      ['aliases', aliasesFor(g.name, file, g.otherNames)],
    ]),
    `# ${escapeInline(g.name)}`,
    ...(summary ? [summary] : []),
    ...noteList(g.notes, pageLink),
  ];
  return `${blocks.join('\n\n')}\n`;
}

/** The vault's paths, sorted: what the zip holds, for a preview or a test. */
export function zipListing(files: Record<string, string>): string[] {
  return Object.keys(files).sort(compareCodes);
}

/**
 * A fixed modification time, in local time on purpose: fflate writes DOS times from the local-time
 * getters, so a local date gives the same bytes in every time zone. Noon, so no DST change is near.
 */
const ZIP_MTIME = new Date(2026, 0, 1, 12, 0, 0);

/** The vault as a zip; the same files always give the same bytes (sorted entries, fixed times). */
export function obsidianZip(files: Record<string, string>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const path of zipListing(files)) entries[path] = strToU8(files[path]!);
  return zipSync(entries, { level: 6, mtime: ZIP_MTIME });
}
