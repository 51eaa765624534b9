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

/** Every non-test .ts file under a folder. */
function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return modules(path);
    return name.endsWith('.ts') && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

/** Where src/core hands a sentence to the reader: a problem (`p.error`, `p.warn`, `fail`, `problems.push`) or a thrown error. */
const PROBLEM_CALL = /(?:\.(?:error|warn)|\bfail|\bproblems\.push|\bnew\s+\w*Error)\(/g;
/** Two words in a row (`is empty`, `The file`): English prose. A key, a JSON path or `row ${n}` has none. */
const PROSE = /\p{L}{2,}[\s,;:'’]+\p{L}{2,}/u;

/** The arguments of the call whose `(` is at `open`, to its matching `)`: strings and templates skipped over as wholes. */
function argumentsAt(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i]!;
    if (c === "'" || c === '"' || c === '`') {
      // A template's ${…} may hold more calls; the prose test below sees the template's text, which is what matters.
      for (i++; i < source.length && source[i] !== c; i++) if (source[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return source.slice(open + 1, i);
  }
  return source.slice(open + 1);
}

/** Literal English sentences handed to a reader through a problem or an error, as `line: text`. */
export function literalProblems(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(PROBLEM_CALL)) {
    const open = m.index! + m[0].length - 1;
    for (const s of argumentsAt(source, open).matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
      const text = (s[1] ?? s[2] ?? s[3]!).replace(/\$\{[^}]*\}/g, '…');
      if (PROSE.test(text)) found.push(`${source.slice(0, m.index).split('\n').length}: ${text.trim().slice(0, 80)}`);
    }
  }
  // A problem function's answer: a returned sentence (capital letter … full stop), as backup.ts's checks give.
  for (const m of source.matchAll(/\breturn\s+(['"`])([A-Z](?:(?!\1)[^\\\n]|\\.)*[.!?])\1/g))
    if (PROSE.test(m[2]!)) found.push(`${source.slice(0, m.index).split('\n').length}: ${m[2]!.replace(/\$\{[^}]*\}/g, '…').slice(0, 80)}`);
  return found;
}

/**
 * Core files whose problems are for the project's maintainers, never a reader: they stay English.
 * The dataset's checks run only in `npm run build`; a malformed index is a build fault ("rebuild with npm run build").
 */
const FOR_MAINTAINERS = new Set([
  'src/core/dataset/validate.ts',
  'src/core/index/binary.ts',
  // The index's header checks and its streaming reader (format 5): the same build faults as binary.ts.
  'src/core/index/binary-layout.ts',
  'src/core/index/stream.ts',
]);

describe('src/core', () => {
  it('hands readers no literal English sentence in a problem or an error (it goes through say() and a messages.en.json)', () => {
    const files = modules(join(ROOT, 'src/core')).filter((file) => !FOR_MAINTAINERS.has(relative(ROOT, file)));
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => literalProblems(readFileSync(file, 'utf8')).map((hit) => `${relative(ROOT, file)}:${hit}`));
    expect(found).toEqual([]);
  });

  it('catches a literal sentence in a problem, a failure and a throw, and lets say(), paths and keys through', () => {
    expect(literalProblems("p.error('file', 'The file is empty.');")).toEqual(['1: The file is empty.']);
    expect(literalProblems('p.warn(where, `"${k}" is not a pack field.`);')).toEqual(['1: "…" is not a pack field.']);
    expect(literalProblems("return fail(\n  'The backup is damaged.',\n);")).toEqual(['1: The backup is damaged.']);
    expect(literalProblems("throw new ServerUrlError('The server address is not a URL.');")).toEqual([
      '1: The server address is not a URL.',
    ]);
    expect(literalProblems("throw new SyncError('wrong-passphrase', 'Wrong passphrase');")).toEqual(['1: Wrong passphrase']);
    expect(literalProblems('report.problems.push(`A file was skipped: ${batch}.`);')).toEqual(['1: A file was skipped: ….']);
    expect(literalProblems("p.error(`${where}.selector`, say('packTargetQuote'));")).toEqual([]);
    expect(literalProblems("p.error('file', sayCount('packTooManyNotes', n, max(f('no way'))));")).toEqual(['1: no way']);
    expect(literalProblems("throw new SyncError('server-reset', say('syncServerReset'));")).toEqual([]);
    expect(literalProblems("  return `The backup's ${plural} are missing.`;")).toEqual(["1: The backup's … are missing."]);
    expect(literalProblems("return 'dramatis-backup';")).toEqual([]);
  });
});
