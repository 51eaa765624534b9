/**
 * Every user-visible string of a component goes through t()/tCount() (src/shared/i18n.ts). This scans
 * the .tsx components under src/ for what a reader would see as a hard-coded English word: a JSX text
 * child with a letter in it (`>Save<`), or an aria-label/placeholder/title/alt given as a string
 * literal with a letter. It is a regex over source text, not a parser, so it errs on the side of
 * reporting; a symbol-only text (×, ·, →, —) has no letter and passes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './paths';

function components(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return components(path);
    return name.endsWith('.tsx') && !/\.test\.tsx$/.test(name) ? [path] : [];
  });
}

/** Text between a tag's `>` and the next `<` or `{`, with a letter in it; the `=>` of an arrow is not a tag end. */
const TEXT_CHILD = /(?<![=-])>([^<>{}`]*\p{L}[^<>{}`]*)(?=[<{])/gu;
/** A reader-facing attribute given as a plain string literal with a letter. */
const LITERAL_ATTRIBUTE = /\b(aria-label|placeholder|title|alt)=(["'])([^"']*\p{L}[^"']*)\2/gu;
/** An example address in a placeholder (`example.org`, `https://…/dav/`): not language, the same in every locale. */
const ADDRESS = /^(https?:\/\/)?[\w-]+(\.[\w-]+)+(\/[\w./-]*)?$/;

/** Literal user-visible strings in one component's source, as `line: text`. */
export function literalStrings(source: string): string[] {
  const found: string[] = [];
  const lineOf = (index: number) => source.slice(0, index).split('\n').length;
  for (const m of source.matchAll(TEXT_CHILD)) {
    const text = m[1]!.trim();
    // A comparison (`size > LIMIT`) has a space on both sides of its `>`; a tag's `>` never has one
    // before it on the same line (prettier puts a lone `>` of a long tag after the indentation, then a newline).
    const before = source[m.index! - 1]!;
    if (/[ \t]/.test(before) && /[ \t]/.test(source[m.index! + 1] ?? '') && !/\n[ \t]*$/.test(source.slice(0, m.index))) continue;
    // A type argument (`querySelector<HTMLElement>(…)`): its `<` follows a name; a JSX tag's never does.
    const open = source.lastIndexOf('<', m.index);
    if (open > 0 && /\w/.test(source[open - 1]!)) continue;
    // A `>` inside a type or a comparison (`a > b && c`) is not a tag: JSX text never holds these operators.
    if (/&&|\|\||\?\?|;|\b(return|const|let)\b/.test(text) || !/^\s*\n?\s*\S/.test(m[1]!)) continue;
    found.push(`${lineOf(m.index!)}: ${text}`);
  }
  for (const m of source.matchAll(LITERAL_ATTRIBUTE)) if (!ADDRESS.test(m[3]!)) found.push(`${lineOf(m.index!)}: ${m[1]}="${m[3]}"`);
  return found;
}

describe('components', () => {
  it('render no literal user-visible text (it goes through t() and a messages.en.json)', () => {
    const found = components(join(ROOT, 'src')).flatMap((file) =>
      literalStrings(readFileSync(file, 'utf8')).map((hit) => `${relative(ROOT, file)}:${hit}`),
    );
    expect(found).toEqual([]);
  });

  it('catches a text child and a literal label, and lets symbols and t() through', () => {
    expect(literalStrings('<p>Hello there</p>')).toEqual(['1: Hello there']);
    expect(literalStrings('<button aria-label="Close">×</button>')).toEqual(['1: aria-label="Close"']);
    expect(literalStrings('<input placeholder="Search" />')).toEqual(['1: placeholder="Search"']);
    expect(literalStrings('<button aria-label={t("close")}>×</button><span> · </span>')).toEqual([]);
    expect(literalStrings('<p>{t("hello")}</p>')).toEqual([]);
    expect(literalStrings('const f = (a) => a > b && c < d;')).toEqual([]);
    expect(literalStrings('if (file.size > MAX_FILE_BYTES) {')).toEqual([]);
    expect(literalStrings("document.querySelector<HTMLElement>('[data-x]')?.focus({ a: 1 });")).toEqual([]);
    expect(literalStrings("<p>\n  Private window: it's kept.\n</p>")).toEqual(["1: Private window: it's kept."]);
    expect(literalStrings('<input placeholder="example.org" />')).toEqual([]);
  });
});
