/** One entry for both pack formats: JSON when the file says so (its name or its first character), else CSV. */
import { say, sayCount } from '../text/say';
import type { PackResult } from './check';
import { parseCsvPack } from './csv';
import { parseJsonPack } from './json';

export function isJsonPack(fileName: string, source: string): boolean {
  if (/\.json$/i.test(fileName)) return true;
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return false;
  return source
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('{');
}

export function parsePack(source: string, fileName: string): PackResult {
  return isJsonPack(fileName, source) ? parseJsonPack(source) : parseCsvPack(source, fileName);
}

/** The one-line summary the CLI and the options page give for a good pack. */
export function packSummary(result: Extract<PackResult, { ok: true }>): string {
  const { pack, warnings } = result;
  const entities = sayCount('packCountEntities', pack.entities.length);
  const notes = sayCount('packCountNotes', pack.notes.length);
  if (warnings.length === 0) return say('packSummary', pack.title, entities, notes);
  return say('packSummaryWithWarnings', pack.title, entities, notes, sayCount('packCountWarnings', warnings.length));
}
