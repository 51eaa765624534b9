/** Reads the dataset's source files and the dictionary used to flag ambiguous aliases (Node only). */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import wordListPath from 'word-list';
import { EVERYDAY_ACRONYMS } from '../../src/core/text/everyday-acronyms';
import { ENTITY_FIELD_ORDER } from '../../src/core/dataset/types';
import { DATA_DIR, ROOT } from '../paths';
import { validateDataset, type SourceFile, type ValidationResult, type Problem } from '../../src/core/dataset/validate';
import type { Entity } from '../../src/core/dataset/types';

/** Each assets/data/*.json parsed; a file that is not JSON comes back as a problem instead. */
export function readSourceFiles(dir = DATA_DIR): { files: SourceFile[]; problems: Problem[] } {
  const files: SourceFile[] = [];
  const problems: Problem[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const path = join(dir, name);
    const file = relative(ROOT, path);
    try {
      files.push({ file, data: JSON.parse(readFileSync(path, 'utf8')) });
    } catch (err) {
      problems.push({ file, problem: `not valid JSON: ${(err as Error).message}` });
    }
  }
  // DRAMATIS_EXTRA_DATA: comma-separated files validated with the dataset but not shipped (a slice
  // being written in assets/data-incoming/ before it merges).
  for (const path of (process.env.DRAMATIS_EXTRA_DATA ?? '').split(',').filter(Boolean)) {
    const file = relative(ROOT, path);
    try {
      files.push({ file, data: JSON.parse(readFileSync(path, 'utf8')) });
    } catch (err) {
      problems.push({ file, problem: `not valid JSON: ${(err as Error).message}` });
    }
  }
  return { files, problems };
}

/** The README's entity count sits between these markers; `dataset -- readme` writes it from the data. */
const COUNT_MARKER = /(<!-- entity-count -->)[\d,]*(<!-- \/entity-count -->)/;

/** The README with its entity count set to `count` (en-US digit grouping). */
export function readmeWithCount(readme: string, count: number): string {
  return readme.replace(COUNT_MARKER, `$1${count.toLocaleString('en-US')}$2`);
}

let commonWords: Set<string> | undefined;

/** About 274,000 lower-case English words (the word-list package) and the everyday abbreviations; read once, about 30 ms. */
export function loadCommonWords(): Set<string> {
  commonWords ??= new Set([...readFileSync(wordListPath, 'utf8').split('\n').filter(Boolean), ...EVERYDAY_ACRONYMS]);
  return commonWords;
}

export function loadDataset(dir = DATA_DIR): ValidationResult {
  const { files, problems } = readSourceFiles(dir);
  const result = validateDataset(files, loadCommonWords());
  return { ...result, problems: [...problems, ...result.problems] };
}

const FIELD_ORDER: readonly string[] = ENTITY_FIELD_ORDER;

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value && typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`)
      .join(', ')} }`;
  return JSON.stringify(value);
}

/**
 * The canonical text of a source file: one field per line, arrays inline, fields in a fixed order,
 * so a diff shows exactly what changed in an entity. `dataset -- format` applies it.
 */
export function formatSourceFile(data: { topic: string; entities: Record<string, unknown>[] }): string {
  const entities = data.entities.map((e) => {
    const keys = [...FIELD_ORDER.filter((k) => k in e), ...Object.keys(e).filter((k) => !FIELD_ORDER.includes(k))];
    return `    {\n${keys.map((k) => `      ${JSON.stringify(k)}: ${inline(e[k])}`).join(',\n')}\n    }`;
  });
  return `{\n  "topic": ${JSON.stringify(data.topic)},\n  "entities": [\n${entities.join(',\n')}\n  ]\n}\n`;
}

/** Slices being written (assets/data-incoming/*.json): not shipped, counted by `coverage --with-incoming`. */
export const INCOMING_DIR = join(ROOT, 'assets', 'data-incoming');

/**
 * Every entry that looks like an entity (an object with a string id and wikipedia title), with its
 * file, from the dataset and, when asked, the incoming slices; no validation, so a slice with a
 * fault still counts for coverage. Files that are not JSON are skipped.
 */
export function readEntitiesWithFiles(options: { incoming?: boolean } = {}): { entity: Entity; file: string }[] {
  const out: { entity: Entity; file: string }[] = [];
  const files = readSourceFiles(DATA_DIR).files;
  if (options.incoming && existsSync(INCOMING_DIR)) files.push(...readSourceFiles(INCOMING_DIR).files);
  const seen = new Set<string>();
  for (const { file, data } of files) {
    if (seen.has(file)) continue; // DRAMATIS_EXTRA_DATA files come back with each directory
    seen.add(file);
    const entities = (data as { entities?: unknown } | null)?.entities;
    if (!Array.isArray(entities)) continue;
    for (const e of entities as Entity[])
      if (e && typeof e === 'object' && typeof e.id === 'string' && typeof e.wikipedia === 'string') out.push({ entity: e, file });
  }
  return out;
}
