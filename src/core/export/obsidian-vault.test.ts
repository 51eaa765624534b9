/**
 * The Obsidian zip any system can open (issue 12, deliverable 8): unzipped with fflate, every file
 * name is checked against Windows', macOS's and Linux's rules, and every [[wikilink]] in every file
 * against the files the zip holds.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Note } from '../notes/model';
import { collisionKey, inertWikilinks, notesToObsidianFiles, obsidianZip, sanitizeFileName } from './obsidian';
import { options } from '../../../test/fixtures/export/support';

const RESERVED_BASE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³]) *$/i;

/** Why a path in the zip would fail somewhere, or null. */
function nameProblem(path: string): string | null {
  const parts = path.split('/');
  if (parts.length !== 2 || !['Pages', 'Entities'].includes(parts[0]!)) return 'not in Pages/ or Entities/';
  const file = parts[1]!;
  if (!file.endsWith('.md')) return 'not a .md file';
  const base = file.slice(0, -3);
  if (RESERVED_BASE.test(base.split('.')[0]!)) return 'a Windows device name';
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u001f\u007f-\u009f]/.test(file)) return 'a control character';
  if (/[\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(file)) return 'a bidirectional or invisible character';
  if (/[<>:"/\\|?*#^[\]]/.test(base)) return 'a character Windows or Obsidian refuses';
  if (/[ .]$/.test(base) || base.startsWith('.')) return 'a leading dot or a trailing dot or space';
  if (new TextEncoder().encode(file).length > 255) return 'more than 255 bytes';
  if (path.length > 120) return 'a path over 120 UTF-16 units (Windows path limit, less room for the folder it is unzipped in)';
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(file)) return 'half a surrogate pair';
  return null;
}

/** Every wikilink target outside escapes: "[[" whose first "[" no backslash escapes. */
function wikilinkTargets(text: string): string[] {
  const out: string[] = [];
  const re = /(\\*)\[\[([^\]]*)\]\]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1]!.length % 2 === 1) continue;
    out.push(m[2]!.split('|')[0]!.split('#')[0]!);
  }
  // An "[[" that never closes is not a link; one that does is counted above.
  return out;
}

function checkVault(zip: Uint8Array): { files: Record<string, string>; links: number } {
  const unzipped = unzipSync(zip);
  const files = Object.fromEntries(Object.entries(unzipped).map(([p, b]) => [p, strFromU8(b)]));
  const paths = Object.keys(files);
  for (const p of paths) expect(nameProblem(p), p).toBeNull();
  const keys = paths.map(collisionKey);
  expect(new Set(keys).size, 'two names that collide on a case-insensitive system').toBe(keys.length);
  let links = 0;
  for (const [path, text] of Object.entries(files)) {
    for (const target of wikilinkTargets(text)) {
      links++;
      expect(Object.hasOwn(files, `${target}.md`), `${path} links to [[${target}]], which the zip does not hold`).toBe(true);
    }
  }
  return { files, links };
}

const page = (id: string, title: string, url: string, text = `note ${id}`): Note => ({
  id,
  kind: 'page',
  page: { url, title },
  text,
  tags: [],
  created: 1,
  updated: 1,
});
const entity = (id: string, entityId: string, name: string, url?: string): Note => ({
  id,
  kind: 'entity',
  entityId,
  entityName: name,
  text: `about ${name}: see [[${name}]] and ![[${name}.png]]`,
  tags: [],
  created: 2,
  updated: 2,
  ...(url ? { page: { url, title: `Page of ${name}` } } : {}),
});

const HOSTILE_TITLES = [
  'CON',
  'con.txt',
  'Aux',
  'nul.tar.gz',
  'NUL .txt',
  'COM1',
  'com9.md',
  'LPT1',
  'lpt¹',
  'PRN.',
  'Conin$',
  'report\u202Egpj.exe',
  '\u2066isolated\u2069 \u200Fname\u200E',
  'zero\u200Bwidth\uFEFF',
  'tab\there\nnewline\u0007bell',
  'trailing dots...',
  'trailing spaces   ',
  '...',
  '',
  'a/b\\c:d*e?f"g<h>i|j#k^l[m]n',
  '[[Not a link]]',
  'Lenin',
  'lenin',
  'LENIN',
  'Straße',
  'STRASSE',
  'e\u0301cole', // NFD "école"
  'école',
  '🕵️'.repeat(120),
  'Ж'.repeat(150),
  '𝔸'.repeat(90),
  'x'.repeat(300),
  'x'.repeat(300) + 'y',
  'half \uD800 surrogate',
];

describe('the Obsidian zip any system can open', () => {
  it('names hostile titles safely, never colliding, and every wikilink resolves', () => {
    const notes: Note[] = HOSTILE_TITLES.map((t, i) => page(`p${i}`, t, `https://site${i}.example/post`, `[[${t}]] and \\[[escaped]]`));
    HOSTILE_TITLES.forEach((t, i) =>
      notes.push(entity(`e${i}`, `entity-${i}`, t || 'Untitled', i % 2 ? `https://site${i}.example/post` : undefined)),
    );
    // Entity notes written on a page that has no page note: the page still gets a file to link to.
    notes.push(entity('lonely', 'entity-lonely', 'Lonely', 'https://nowhere.example/only-entities'));
    const { files, links } = checkVault(obsidianZip(notesToObsidianFiles(notes, options)));
    expect(Object.keys(files)).toHaveLength(2 * HOSTILE_TITLES.length + 2);
    // Every page links its entities and every entity note written on a page links back: many links checked.
    expect(links).toBeGreaterThan(HOSTILE_TITLES.length);
    const all = Object.values(files).join('\n');
    expect(all).toContain('\\[[Not a link]]');
    expect(Object.keys(files).join('')).not.toContain('\u202E');
  });

  it('would catch a broken link or a bad name (the checker itself)', () => {
    expect(nameProblem('Pages/CON.md')).toBe('a Windows device name');
    expect(nameProblem('Pages/nul.tar.md')).toBe('a Windows device name');
    expect(nameProblem('Pages/x\u202Ey.md')).toMatch(/bidirectional/);
    expect(nameProblem('Pages/x .md')).toMatch(/trailing/);
    expect(wikilinkTargets('a [[Pages/X|x]] b \\[[not]] c \\\\[[Entities/Y]]')).toEqual(['Pages/X', 'Entities/Y']);
    expect(() => checkVault(obsidianZip({ 'Pages/A.md': '[[Pages/B|b]]' }))).toThrow(/does not hold/);
    expect(() => checkVault(obsidianZip({ 'Pages/A.md': '', 'Pages/a.md': '' }))).toThrow(/collide/);
  });

  it('sanitizes names: device names with any extension or case, invisible characters, limits', () => {
    expect(sanitizeFileName('CON')).toBe('CON_');
    expect(sanitizeFileName('aux.notes')).toBe('aux_.notes');
    expect(sanitizeFileName('nul .txt')).toBe('nul_ .txt');
    expect(sanitizeFileName('Com7')).toBe('Com7_');
    expect(sanitizeFileName('console')).toBe('console');
    expect(sanitizeFileName('report\u202Egpj.exe')).toBe('reportgpj.exe');
    expect(sanitizeFileName('x'.repeat(300))).toHaveLength(100);
    expect(new TextEncoder().encode(sanitizeFileName('Ж'.repeat(150))).length).toBeLessThanOrEqual(180);
    expect(inertWikilinks('[[a]] \\[[b]] \\\\[[c]] [x]')).toBe('\\[[a]] \\[[b]] \\\\\\[[c]] [x]');
  });
});
