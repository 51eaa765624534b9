/** Notes as an Obsidian vault: a file per page and per entity, linked both ways with [[wikilinks]], zipped byte-stably. */
import { strToU8, zipSync } from 'fflate';
import { pageKey, type Note } from '../notes/model';
import { byCreated, compareCodes, comparePages, entityGroups, isoDay, pageGroups, type EntityGroup, type ExportOptions } from './group';
import { entitySummary, noteList, ENTITY_SECTION } from './markdown';
import { isPageUrl } from '../notes/safe-links';
import { escapeInline, frontMatter, markdownUrl, tagName, wellFormed } from './safe-markdown';

export const PAGES_FOLDER = 'Pages';
export const ENTITIES_FOLDER = 'Entities';
/**
 * File-name limits: at most 100 UTF-16 units (Windows counts its 260-unit path limit that way, and
 * the vault's folder, the suffix and ".md" leave the rest for wherever the reader unzips it), and
 * at most 180 bytes of UTF-8 (Linux and macOS allow 255 bytes per name; " (99).md" must still fit).
 */
const MAX_NAME = 100;
const MAX_NAME_BYTES = 180;

/**
 * Characters that change how text is displayed without being seen: bidirectional controls (a name
 * with U+202E shows "gpj.exe" as "exe.jpg"), zero-width spaces and marks, the byte order mark and
 * Unicode's line and paragraph separators. Zero-width joiners (emoji sequences, Persian) stay.
 */
const INVISIBLE = /[\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/**
 * Windows reserves these device names in any case, with any extension after them ("nul.tar.gz"),
 * and with spaces before the extension; COM and LPT with ¹ ² ³ too.
 */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]) *(\.|$)/i;

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

/** The longest prefix of s, whole code points, within both limits. */
function cut(s: string, maxUnits: number, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    const b = utf8Length(ch);
    if (out.length + ch.length > maxUnits || bytes + b > maxBytes) break;
    out += ch;
    bytes += b;
  }
  return out;
}

/**
 * A file name every system and Obsidian accept: no / \ : * ? " < > |, and none of # ^ [ ] either,
 * which Obsidian cannot put in a [[wikilink]]; no control, bidirectional or invisible characters,
 * no leading dots (hidden files), no trailing dots or spaces (Windows drops them), no Windows
 * device name (CON, aux.md, LPT1.txt...), within the length limits above.
 */
export function sanitizeFileName(name: string, max = MAX_NAME, maxBytes = MAX_NAME_BYTES): string {
  const cleaned = wellFormed(name)
    .normalize('NFC')
    .replace(INVISIBLE, '')
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/:/g, ' -')
    .replace(/[/\\|]/g, '-')
    .replace(/"/g, "'")
    .replace(/[*?<>#^[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '');
  // Cut by code points so an emoji is never split in half.
  let s = cut(cleaned, max, maxBytes).replace(/[\s.]+$/, '');
  if (s === '') s = 'Untitled';
  // "CON" -> "CON_", "aux.notes" -> "aux_.notes": the device name is no longer the part before the dot.
  const reserved = RESERVED.exec(s);
  if (reserved) s = `${reserved[1]}_${s.slice(reserved[1]!.length)}`;
  return s;
}

/**
 * The key two file names collide under: Windows and macOS compare names case-insensitively (and
 * macOS after Unicode normalization), so "Lenin", "lenin" and "LENİN" must not share a folder.
 */
export const collisionKey = (name: string): string => name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');

/** Gives each name a unique file name within a folder, appending " (2)", " (3)"... in call order. */
function uniqueNames(): (name: string) => string {
  const taken = new Set<string>();
  return (name) => {
    let base = sanitizeFileName(name);
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      if (suffix) base = sanitizeFileName(name, MAX_NAME - suffix.length, MAX_NAME_BYTES - suffix.length);
      const candidate = base + suffix;
      const key = collisionKey(candidate);
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

/**
 * The reader's own "[[...]]" made plain text: in a vault, Obsidian would read it as a link to a file
 * the zip does not hold (every link in the zip resolves; the reader's text shows as typed). A "["
 * before another "[" gets a backslash unless one already escapes it.
 */
export function inertWikilinks(text: string): string {
  return text.replace(/(\\*)\[(?=\[)/g, (m, slashes: string) => (slashes.length % 2 === 0 ? `${slashes}\\[` : m));
}
const withInertWikilinks = <T extends Note>(n: T): T => ({ ...n, text: inertWikilinks(n.text) });

/**
 * Front matter for the vault: Obsidian shows a property value "[[X]]" as a link, and YAML has no
 * escape that survives parsing, so "[[" in a title or alias becomes "[ [".
 */
const vaultFrontMatter = (props: Parameters<typeof frontMatter>[0]): string =>
  frontMatter(
    props.map(([key, value]): Parameters<typeof frontMatter>[0][number] => [
      key,
      typeof value === 'string'
        ? value.replace(/\[(?=\[)/g, '[ ')
        : Array.isArray(value)
          ? value.map((v) => v.replace(/\[(?=\[)/g, '[ '))
          : value,
    ]),
  );

const allTags = (notes: Note[]): string[] => [...new Set(notes.flatMap((n) => n.tags.map(tagName)).filter(Boolean))];
/** The full title as an alias when the file name had to shorten or change it, so Obsidian still finds it. */
const aliasesFor = (title: string, file: string, others: string[] = []): string[] => [
  ...new Set([...(title !== file ? [title] : []), ...others]),
];

function pageFile(p: VaultPage, entityFiles: Map<string, string>): string {
  const blocks = [
    vaultFrontMatter([
      ['title', p.title],
      ['url', p.url],
      ['type', 'page'],
      ['created', isoDay(p.first)],
      ['tags', allTags(p.notes)],
      ['aliases', aliasesFor(p.title, p.file)],
    ]),
    `# ${escapeInline(p.title)}`,
    isPageUrl(p.url) ? `[Open the page](${markdownUrl(p.url)})` : `Address: ${escapeInline(p.url)}`,
    ...noteList(p.notes.map(withInertWikilinks)),
  ];
  if (p.entities.length > 0) {
    blocks.push(`## ${ENTITY_SECTION}`, p.entities.map((g) => `- ${wikilink(ENTITIES_FOLDER, entityFiles.get(g.id)!, g.name)}`).join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

function entityFile(g: EntityGroup, file: string, pageLink: (page: { url: string }) => string): string {
  const summary = entitySummary(g);
  const blocks = [
    vaultFrontMatter([
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
    ...noteList(g.notes.map(withInertWikilinks), pageLink),
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
