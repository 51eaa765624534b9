/**
 * The exporters: Markdown, Obsidian vault, Web Annotations and file names.
 *
 * GOLDEN FILES: the expected outputs are committed in test/fixtures/export/expected/. After an
 * intended change to an exporter, rewrite them with
 *     UPDATE_GOLDEN=1 npx vitest run test/unit/export
 * then read the changed files (they are what readers get) before committing them.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { annotationCollection, notesToAnnotations, stableUuid } from '../../src/core/export/annotations';
import { exportFileName, slugify } from '../../src/core/export/filenames';
import type { ExportEntity, ExportOptions } from '../../src/core/export/group';
import { notesToMarkdown } from '../../src/core/export/markdown';
import { notesToObsidianFiles, obsidianZip, sanitizeFileName, zipListing } from '../../src/core/export/obsidian';
import { safeNoteMarkdown, tagName, yamlString } from '../../src/core/export/safe-markdown';
import { noteProblem, type Note } from '../../src/core/notes/model';
import notesFixture from '../fixtures/export/notes.json';
import entitiesFixture from '../fixtures/export/entities.json';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'export');
const EXPECTED = join(FIXTURES, 'expected');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const notes = notesFixture as Note[];
const entities = entitiesFixture as Record<string, ExportEntity>;
const EXPORTED_AT = Date.UTC(2026, 10, 25, 8, 30);
const options: ExportOptions = { title: 'Stalin: "the" #1\n---', exportedAt: EXPORTED_AT, entities };

/** Compares with the committed file, or rewrites it when UPDATE_GOLDEN=1. */
function golden(name: string, actual: string): void {
  const path = join(EXPECTED, name);
  if (UPDATE) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path), `${name} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));
}

function walk(node: Nodes, visit: (n: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const c of node.children) walk(c, visit);
}

/** A node's text; block children joined by a blank line. */
function toString(node: Nodes): string {
  if ('value' in node) return node.value;
  if (!('children' in node)) return '';
  const blocks = node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem';
  return (node.children as Nodes[]).map(toString).join(blocks ? '\n\n' : '');
}

/** The Markdown body after the front matter. */
const body = (md: string): string => md.slice(md.indexOf('\n---\n', 4) + 5);

const SAFE_URL = /^(https?|mailto|file):/i;

/** What a hostile note could have smuggled in: headings, HTML, unsafe links, thematic breaks not ours. */
function structure(md: string) {
  const tree = fromMarkdown(body(md));
  const headings: string[] = [];
  const unsafe: string[] = [];
  const breaks: string[] = [];
  walk(tree, (n) => {
    if (n.type === 'heading') headings.push(`${'#'.repeat(n.depth)} ${toString(n)}`);
    if (n.type === 'html') unsafe.push(`html: ${n.value}`);
    if ((n.type === 'link' || n.type === 'image' || n.type === 'definition') && !SAFE_URL.test(n.url)) unsafe.push(`${n.type}: ${n.url}`);
    if (n.type === 'thematicBreak') breaks.push(body(md).slice(n.position!.start.offset, n.position!.end.offset));
  });
  return { tree, headings, unsafe, breaks };
}

/** Checks the front matter is only key: "json-compatible string" (or a bare count, or list items). */
function frontMatterOf(md: string): Record<string, unknown> {
  const lines = md.split('\n');
  expect(lines[0]).toBe('---');
  const end = lines.indexOf('---', 1);
  expect(end).toBeGreaterThan(0);
  const props: Record<string, unknown> = {};
  let list: string[] | undefined;
  for (const line of lines.slice(1, end)) {
    const item = /^ {2}- (".*")$/.exec(line);
    if (item && list) {
      list.push(JSON.parse(item[1]!));
      continue;
    }
    const m = /^([a-z_]+):(?: (".*"|\d+))?$/.exec(line);
    expect(m, `front matter line: ${line}`).not.toBeNull();
    // The YAML escapes used (\" \\ \n \t \uXXXX) are JSON's, so JSON.parse reads the value back.
    if (m![2] === undefined) props[m![1]!] = list = [];
    else props[m![1]!] = JSON.parse(m![2]);
  }
  return props;
}

describe('fixture', () => {
  it('holds valid notes', () => {
    for (const n of notes) expect(noteProblem(n), n.id).toBeNull();
  });
});

describe('Markdown export', () => {
  const md = notesToMarkdown(notes, options);

  it('matches the golden file', () => golden('notes.md', md));

  it('writes front matter a hostile title cannot break', () => {
    expect(frontMatterOf(md)).toEqual({ title: 'Stalin: "the" #1\n---', exported_at: '2026-11-25T08:30:00.000Z', note_count: 9 });
    expect(md.split('\n').filter((l) => l === '---')).toHaveLength(2);
  });

  it('has only the headings the exporter made, no HTML, no unsafe links, only its own separators', () => {
    const { headings, unsafe, breaks } = structure(md);
    expect(headings).toEqual([
      '# Stalin: "the" #1 ---',
      '## file:///home/reader/Documents/homage-to-catalonia.html',
      '## Stalin: "the" #1 [purges] <script>alert(1)</script> *bold* _x_ ---',
      '## Walter Krivitsky - Wikipedia',
      '# Notes on people, places and events',
      '## Spanish Civil War',
      '## Walter Krivitsky',
    ]);
    expect(unsafe).toEqual([]);
    expect(new Set(breaks)).toEqual(new Set(['* * *']));
  });

  it('keeps the reader\'s Markdown, links to pages, and contains passages in their block quotes', () => {
    const { tree } = structure(md);
    const links: string[] = [];
    const quotes: string[] = [];
    let strong = 0;
    walk(tree, (n) => {
      if (n.type === 'link') links.push(n.url);
      if (n.type === 'blockquote') quotes.push(toString(n));
      if (n.type === 'strong') strong++;
    });
    expect(links).toContain('https://vault.fbi.gov/walter-krivitsky');
    expect(links).toContain('https://example.org/history/stalin_%281937%29?lang=en&page=2');
    expect(strong).toBeGreaterThanOrEqual(2);
    // The passage with "> ", "# " and list markers is one block quote, its text intact.
    expect(quotes).toContain('He said:\n> "I am a soldier of the revolution"\n\n# not a heading\n1937. The year everything changed.\n- not a list\n<b>not bold</b>');
    expect(md).toContain('שלום עליכם');
    expect(md).toContain('🕵️‍♂️');
  });

  it('closes a code fence the note left open, so the rest of the file stays Markdown', () => {
    expect(md).toContain('console.log("the rest of the file must not become code")\n```\n');
  });

  it('is deterministic: same bytes twice, and whatever the order of the notes', () => {
    expect(notesToMarkdown(notes, options)).toBe(md);
    expect(notesToMarkdown([...notes].reverse(), options)).toBe(md);
  });

  it('says so when there are no notes', () => {
    expect(notesToMarkdown([], { ...options, title: 'Empty' })).toBe('---\ntitle: "Empty"\nexported_at: "2026-11-25T08:30:00.000Z"\nnote_count: 0\n---\n\n# Empty\n\nNo notes yet.\n');
  });

  it('shows an empty note as one, so separators never pile up', () => {
    const empty: Note = { id: 'e', kind: 'page', page: { url: 'https://a.example/', title: 'A' }, text: '  \n', tags: [], created: 0, updated: 0 };
    expect(notesToMarkdown([empty, { ...empty, id: 'f', text: 'second' }], options)).toContain('\n\n*(empty note)*\n\n* * *\n\nsecond\n');
  });

  it('makes a page link only for web and file addresses', () => {
    const note: Note = { id: 'x', kind: 'page', page: { url: 'javascript:alert(1)', title: '' }, text: 'hi', tags: [], created: 0, updated: 0 };
    const out = notesToMarkdown([note], options);
    expect(out).toContain('\n## javascript:alert(1)\n');
    expect(structure(out).unsafe).toEqual([]);
  });
});

/** Hostile notes, each exported alone: none may change the structure of the file. */
const HOSTILE = [
  '# Heading', '  ### indented', '#', '#\tTab heading', 'Setext\n===', 'Setext\n---', '---', '***', '___', '- - -',
  '> # in a quote', '>>> ## deeper', '- # in a list', '1. # numbered', '> - > # nested',
  '<script>alert(1)</script>', '<!-- unclosed comment', '<div>\n\nstill html?', '<img src=x onerror=alert(1)>', 'inline <b>bold</b> and <a href="javascript:x">a</a>',
  '[x](javascript:alert(1))', '[x](JaVaScRiPt:alert(1))', '[x](&#106;avascript:alert(1))', '[x](<javascript:alert(1)>)', '[x](javascript:alert(1) "title")',
  '[x](data:text/html,<script>alert(1)</script>)', '[x](vbscript:msgbox)', '<javascript:alert(1)>', '![img](javascript:alert(1))',
  '[ref]: javascript:alert(1)\n\n[ref]', '[ref]: <javascript:alert(1)>\n\n[text][ref]', '[[x](javascript:a)](https://ok.example)', '[x](relative/path.html)',
  '```\nunclosed fence', '~~~~\nunclosed tilde fence', '    indented code\n# after', '\u0000null\u2028line', 'line\r\n# crlf heading\r\n', '\uD800 lone surrogate',
];

describe('note Markdown safety', () => {
  for (const text of HOSTILE) {
    it(`contains ${JSON.stringify(text).slice(0, 50)}`, () => {
      const note: Note = { id: 'h', kind: 'page', page: { url: 'https://example.org/', title: 'Page' }, text, tags: ['x'], created: 0, updated: 0 };
      const other: Note = { id: 'i', kind: 'page', page: { url: 'https://example.org/z', title: 'Zed' }, text: 'after', tags: [], created: 0, updated: 0 };
      const out = notesToMarkdown([note, other], { ...options, title: 'T' });
      const { headings, unsafe, breaks } = structure(out);
      expect(headings).toEqual(['# T', '## Page', '## Zed']);
      expect(unsafe).toEqual([]);
      expect(breaks).toEqual([]);
      // The note ends where it should: its tag line and the next page are still plain blocks.
      expect(out).toMatch(/\n\n#x\n\n## \[Zed\]\(https:\/\/example\.org\/z\)\n/);
    });
  }

  it('leaves ordinary Markdown alone', () => {
    const text = '**Bold**, *italic*, `code <b>`, a [link](https://example.org/a_(b)) and <https://example.org>.\n\n- one\n- two\n\n```\n# not a heading in code\n```';
    expect(safeNoteMarkdown(text)).toBe(text);
  });

  it('escapes only what it must', () => {
    expect(safeNoteMarkdown('# Heading\n\ntext #tag')).toBe('\\# Heading\n\ntext #tag');
    expect(safeNoteMarkdown('[x](javascript:alert(1))')).toBe('\\[x](javascript:alert(1))');
    expect(safeNoteMarkdown('---')).toBe('\\---');
  });
});

describe('Obsidian export', () => {
  const files = notesToObsidianFiles(notes, options);
  const listing = zipListing(files);

  it('matches the golden listing and files', () => {
    golden('obsidian-listing.txt', `${listing.join('\n')}\n`);
    const dir = join(EXPECTED, 'obsidian');
    if (UPDATE) rmSync(dir, { recursive: true, force: true });
    for (const path of listing) golden(`obsidian/${path}`, files[path]!);
    expect(filesUnder(dir).map((f) => relative(dir, f).split('\\').join('/')).sort()).toEqual(listing);
  });

  it('names files safely and links pages and entities both ways', () => {
    expect(listing).toEqual([
      'Entities/Spanish Civil War.md',
      'Entities/Walter Krivitsky.md',
      'Pages/Spanish Civil War Archive.md',
      "Pages/Stalin - 'the' 1 purges script alert(1) -script bold _x_ ---.md",
      'Pages/Walter Krivitsky - Wikipedia.md',
      'Pages/home-reader-Documents-homage-to-catalonia.html.md',
    ]);
    expect(files['Pages/Walter Krivitsky - Wikipedia.md']).toContain('[[Entities/Walter Krivitsky|Walter Krivitsky]]');
    expect(files['Entities/Walter Krivitsky.md']).toContain('[[Pages/Walter Krivitsky - Wikipedia|Walter Krivitsky - Wikipedia]]');
    expect(frontMatterOf(files['Entities/Walter Krivitsky.md']!)).toMatchObject({ title: 'Walter Krivitsky', type: 'person', aliases: ['Samuel Ginsberg'] });
  });

  it('keeps hostile notes contained in every file', () => {
    for (const [path, text] of Object.entries(files)) {
      frontMatterOf(text);
      const { headings, unsafe, breaks } = structure(text);
      expect(unsafe, path).toEqual([]);
      expect(headings.filter((h) => !/^## Notes on people, places and events$/.test(h)), path).toHaveLength(1);
      expect(breaks.every((b) => b === '* * *'), path).toBe(true);
    }
  });

  it('sanitizes and de-duplicates file names deterministically', () => {
    expect(sanitizeFileName('..hidden')).toBe('hidden');
    expect(sanitizeFileName('a/b\\c:d*e?f"g<h>i|j#k^l[m]n')).toBe("a-b-c -d e f'g h i-j k l m n");
    expect(sanitizeFileName('tab\there\u0007bell')).toBe('tab here bell');
    expect(sanitizeFileName('   ')).toBe('Untitled');
    expect(sanitizeFileName('CON')).toBe('CON_');
    expect([...sanitizeFileName('🕵️'.repeat(80))].length).toBeLessThanOrEqual(100);
    const page = (id: string, title: string, url: string): Note => ({ id, kind: 'page', page: { url, title }, text: id, tags: [], created: 0, updated: 0 });
    const long = 'L'.repeat(150);
    const same = [page('a', 'Lenin', 'https://a.example'), page('b', 'lenin', 'https://b.example'), page('c', 'Lenin?', 'https://c.example'), page('d', long, 'https://d.example'), page('e', long + 'x', 'https://e.example')];
    const names = zipListing(notesToObsidianFiles(same, options));
    expect(names).toEqual(['Pages/lenin (2).md', 'Pages/Lenin (3).md', `Pages/${'L'.repeat(96)} (2).md`, `Pages/${'L'.repeat(100)}.md`, 'Pages/Lenin.md'].sort());
    expect(zipListing(notesToObsidianFiles([...same].reverse(), options))).toEqual(names);
  });

  it('zips to the same bytes every time, and the zip holds the files', () => {
    const zip = obsidianZip(files);
    expect(obsidianZip(notesToObsidianFiles([...notes].reverse(), options))).toEqual(zip);
    const unzipped = unzipSync(zip);
    expect(Object.keys(unzipped)).toEqual(listing);
    for (const path of listing) expect(strFromU8(unzipped[path]!)).toBe(files[path]);
  });
});

describe('Web Annotation export', () => {
  const jsonld = notesToAnnotations(notes, options);

  it('matches the golden file', () => golden('annotations.jsonld', jsonld));

  it('is a W3C AnnotationCollection of the passage notes', () => {
    const doc = annotationCollection(notes, options);
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(4);
    expect(doc.first.items).toHaveLength(4);
    const a = doc.first.items.find((i) => i.id === 'urn:uuid:3f1c2a9e-8b4d-4e6f-9a1b-2c3d4e5f6a70')!;
    expect(a.body).toEqual([
      expect.objectContaining({ type: 'TextualBody', format: 'text/markdown', purpose: 'commenting' }),
      { type: 'TextualBody', value: 'defectors', purpose: 'tagging' },
      { type: 'TextualBody', value: 'nkvd', purpose: 'tagging' },
    ]);
    expect(a.target.source).toBe('https://en.wikipedia.org/wiki/Walter_Krivitsky');
    expect(a.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(a.created).toBe('2026-11-20T09:15:00.000Z');
    // A highlight without text has no body.
    const highlight = doc.first.items.find((i) => i.id === 'urn:uuid:a4b3c2d1-e5f6-4a7b-8c9d-0e1f2a3b4c5d')!;
    expect(highlight.motivation).toBe('highlighting');
    expect(highlight).not.toHaveProperty('body');
  });

  it('is deterministic, with valid ids', () => {
    expect(notesToAnnotations([...notes].reverse(), options)).toBe(jsonld);
    expect(stableUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUuid('x')).not.toBe(stableUuid('y'));
  });
});

describe('escaping helpers', () => {
  it('quotes YAML values so nothing escapes the quotes', () => {
    expect(yamlString('a "b" \\ c\nd\u2028e\u0007')).toBe('"a \\"b\\" \\\\ c\\nd\\u2028e\\u0007"');
  });
  it('makes each tag one valid tag', () => {
    expect(tagName('Moscow Trials')).toBe('Moscow-Trials');
    expect(tagName('#a*b!c')).toBe('abc');
    expect(tagName('1937')).toBe('_1937');
    expect(tagName('ספרד')).toBe('ספרד');
    expect(tagName('#')).toBe('');
  });
});

describe('file names', () => {
  const at = Date.UTC(2026, 10, 25, 23, 59);
  it('names each kind of export by its UTC date', () => {
    expect(exportFileName('notes', at)).toBe('dramatis-notes-2026-11-25.md');
    expect(exportFileName('backup', at)).toBe('dramatis-backup-2026-11-25.json');
    expect(exportFileName('obsidian', at)).toBe('dramatis-obsidian-2026-11-25.zip');
    expect(exportFileName('annotations', at)).toBe('dramatis-annotations-2026-11-25.jsonld');
  });
  it('puts a scope in the name, made safe', () => {
    expect(exportFileName('notes', at, 'Professor Chase')).toBe('dramatis-notes-professor-chase-2026-11-25.md');
    expect(exportFileName('notes', at, 'Andreu Nin: "POUM" / Barcelona?')).toBe('dramatis-notes-andreu-nin-poum-barcelona-2026-11-25.md');
    expect(exportFileName('notes', at, 'Trotsky — Coyoacán')).toBe('dramatis-notes-trotsky-coyoacan-2026-11-25.md');
    expect(exportFileName('notes', at, '!!!')).toBe('dramatis-notes-2026-11-25.md');
    expect(slugify('מלחמת האזרחים בספרד')).toBe('מלחמת-האזרחים-בספרד');
    expect(slugify('word '.repeat(30)).length).toBeLessThanOrEqual(40);
  });
});
