/** The Obsidian export: one file per page and per entity, wikilinks, the zip (golden files: see test/fixtures/export/support.ts). */
import { EXPECTED, UPDATE, notes, options, golden, filesUnder, structure, frontMatterOf } from '../../../test/fixtures/export/support';
import { notesToObsidianFiles, obsidianZip, sanitizeFileName, zipListing } from './obsidian';
import { unzipSync, strFromU8 } from 'fflate';
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Note } from '../notes/model';
import { describe, expect, it } from 'vitest';

describe('Obsidian export', () => {
  const files = notesToObsidianFiles(notes, options);
  const listing = zipListing(files);

  it('matches the golden listing and files', () => {
    golden('obsidian-listing.txt', `${listing.join('\n')}\n`);
    const dir = join(EXPECTED, 'obsidian');
    if (UPDATE) rmSync(dir, { recursive: true, force: true });
    for (const path of listing) golden(`obsidian/${path}`, files[path]!);
    expect(
      filesUnder(dir)
        .map((f) => relative(dir, f).split('\\').join('/'))
        .sort(),
    ).toEqual(listing);
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
    expect(frontMatterOf(files['Entities/Walter Krivitsky.md']!)).toMatchObject({
      title: 'Walter Krivitsky',
      type: 'person',
      aliases: ['Samuel Ginsberg'],
    });
  });

  it('keeps hostile notes contained in every file', () => {
    for (const [path, text] of Object.entries(files)) {
      frontMatterOf(text);
      const { headings, unsafe, breaks } = structure(text);
      expect(unsafe, path).toEqual([]);
      expect(
        headings.filter((h) => !/^## Notes on people, places and events$/.test(h)),
        path,
      ).toHaveLength(1);
      expect(
        breaks.every((b) => b === '* * *'),
        path,
      ).toBe(true);
    }
  });

  it('sanitizes and de-duplicates file names deterministically', () => {
    expect(sanitizeFileName('..hidden')).toBe('hidden');
    expect(sanitizeFileName('a/b\\c:d*e?f"g<h>i|j#k^l[m]n')).toBe("a-b-c -d e f'g h i-j k l m n");
    expect(sanitizeFileName('tab\there\u0007bell')).toBe('tab here bell');
    expect(sanitizeFileName('   ')).toBe('Untitled');
    expect(sanitizeFileName('CON')).toBe('CON_');
    expect([...sanitizeFileName('🕵️'.repeat(80))].length).toBeLessThanOrEqual(100);
    const page = (id: string, title: string, url: string): Note => ({
      id,
      kind: 'page',
      page: { url, title },
      text: id,
      tags: [],
      created: 0,
      updated: 0,
    });
    const long = 'L'.repeat(150);
    const same = [
      page('a', 'Lenin', 'https://a.example'),
      page('b', 'lenin', 'https://b.example'),
      page('c', 'Lenin?', 'https://c.example'),
      page('d', long, 'https://d.example'),
      page('e', long + 'x', 'https://e.example'),
    ];
    const names = zipListing(notesToObsidianFiles(same, options));
    expect(names).toEqual(
      [
        'Pages/lenin (2).md',
        'Pages/Lenin (3).md',
        `Pages/${'L'.repeat(96)} (2).md`,
        `Pages/${'L'.repeat(100)}.md`,
        'Pages/Lenin.md',
      ].sort(),
    );
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
