/** Download names of the exports. */
import { exportFileName, slugify } from './filenames';
import { describe, expect, it } from 'vitest';

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
