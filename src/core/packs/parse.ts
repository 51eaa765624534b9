/** One entry for both pack formats: JSON when the file says so (its name or its first character), else CSV. */
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
  const notes = pack.notes.length;
  const w = warnings.length;
  return `"${pack.title}": ${pack.entities.length} ${pack.entities.length === 1 ? 'entity' : 'entities'}, ${notes} ${notes === 1 ? 'note' : 'notes'}${w ? `, ${w} ${w === 1 ? 'warning' : 'warnings'}` : ''}`;
}
