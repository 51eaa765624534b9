/** The Markdown export: golden file, front matter, grouping, and note Markdown kept safe (golden files: see test/fixtures/export/support.ts). */
import { notes, options, golden, walk, toString, structure, frontMatterOf } from '../../../test/fixtures/export/support';
import { notesToMarkdown } from './markdown';
import { safeNoteMarkdown } from './safe-markdown';
import { noteProblem } from '../notes/model';
import type { Note } from '../notes/model';
import { describe, expect, it } from 'vitest';

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

  it("keeps the reader's Markdown, links to pages, and contains passages in their block quotes", () => {
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
    expect(quotes).toContain(
      'He said:\n> "I am a soldier of the revolution"\n\n# not a heading\n1937. The year everything changed.\n- not a list\n<b>not bold</b>',
    );
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
    expect(notesToMarkdown([], { ...options, title: 'Empty' })).toBe(
      '---\ntitle: "Empty"\nexported_at: "2026-11-25T08:30:00.000Z"\nnote_count: 0\n---\n\n# Empty\n\nNo notes yet.\n',
    );
  });

  it('shows an empty note as one, so separators never pile up', () => {
    const empty: Note = {
      id: 'e',
      kind: 'page',
      page: { url: 'https://a.example/', title: 'A' },
      text: '  \n',
      tags: [],
      created: 0,
      updated: 0,
    };
    expect(notesToMarkdown([empty, { ...empty, id: 'f', text: 'second' }], options)).toContain('\n\n*(empty note)*\n\n* * *\n\nsecond\n');
  });

  it('makes a page link only for web and file addresses', () => {
    const note: Note = {
      id: 'x',
      kind: 'page',
      page: { url: 'javascript:alert(1)', title: '' },
      text: 'hi',
      tags: [],
      created: 0,
      updated: 0,
    };
    const out = notesToMarkdown([note], options);
    expect(out).toContain('\n## javascript:alert(1)\n');
    expect(structure(out).unsafe).toEqual([]);
  });
});

/** Hostile notes, each exported alone: none may change the structure of the file. */
const HOSTILE = [
  '# Heading',
  '  ### indented',
  '#',
  '#\tTab heading',
  'Setext\n===',
  'Setext\n---',
  '---',
  '***',
  '___',
  '- - -',
  '> # in a quote',
  '>>> ## deeper',
  '- # in a list',
  '1. # numbered',
  '> - > # nested',
  '<script>alert(1)</script>',
  '<!-- unclosed comment',
  '<div>\n\nstill html?',
  '<img src=x onerror=alert(1)>',
  'inline <b>bold</b> and <a href="javascript:x">a</a>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x](javascript:alert(1) "title")',
  '[x](data:text/html,<script>alert(1)</script>)',
  '[x](vbscript:msgbox)',
  '<javascript:alert(1)>',
  '![img](javascript:alert(1))',
  '[ref]: javascript:alert(1)\n\n[ref]',
  '[ref]: <javascript:alert(1)>\n\n[text][ref]',
  '[[x](javascript:a)](https://ok.example)',
  '[x](relative/path.html)',
  '```\nunclosed fence',
  '~~~~\nunclosed tilde fence',
  '    indented code\n# after',
  '\u0000null\u2028line',
  'line\r\n# crlf heading\r\n',
  '\uD800 lone surrogate',
];

describe('note Markdown safety', () => {
  for (const text of HOSTILE) {
    it(`contains ${JSON.stringify(text).slice(0, 50)}`, () => {
      const note: Note = {
        id: 'h',
        kind: 'page',
        page: { url: 'https://example.org/', title: 'Page' },
        text,
        tags: ['x'],
        created: 0,
        updated: 0,
      };
      const other: Note = {
        id: 'i',
        kind: 'page',
        page: { url: 'https://example.org/z', title: 'Zed' },
        text: 'after',
        tags: [],
        created: 0,
        updated: 0,
      };
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
    const text =
      '**Bold**, *italic*, `code <b>`, a [link](https://example.org/a_(b)) and <https://example.org>.\n\n- one\n- two\n\n```\n# not a heading in code\n```';
    expect(safeNoteMarkdown(text)).toBe(text);
  });

  it('escapes only what it must', () => {
    expect(safeNoteMarkdown('# Heading\n\ntext #tag')).toBe('\\# Heading\n\ntext #tag');
    expect(safeNoteMarkdown('[x](javascript:alert(1))')).toBe('\\[x](javascript:alert(1))');
    expect(safeNoteMarkdown('---')).toBe('\\---');
  });
});
