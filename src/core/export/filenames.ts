/** Download names for exports: dramatis-<kind>[-<scope>]-<UTC date>.<ext>. */
import { foldKey } from '../text/fold';
import { isoDay } from './group';

export type ExportKind = 'notes' | 'backup' | 'obsidian' | 'annotations';

const EXTENSIONS: Record<ExportKind, string> = { notes: 'md', backup: 'json', obsidian: 'zip', annotations: 'jsonld' };
const MAX_SLUG = 40;

/**
 * A scope ("Professor Chase") as a file-name part ("professor-chase"): lower case, Latin accents
 * dropped, letters of any script and digits kept, everything else a single hyphen, cut at a word.
 */
export function slugify(text: string, max = MAX_SLUG): string {
  // NFKC first, so ligatures and full-width letters become plain ones; foldKey drops only Latin
  // combining accents (the marks of Hebrew or Devanagari are part of the letters).
  const words = foldKey(text.normalize('NFKC'))
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) break;
    slug = next;
  }
  // One very long first word is cut rather than lost (by code points, never half an emoji).
  return slug || [...(words[0] ?? '')].slice(0, max).join('');
}

export function exportFileName(kind: ExportKind, exportedAt: number, scope?: string): string {
  const slug = scope ? slugify(scope) : '';
  return `${['dramatis', kind, slug, isoDay(exportedAt)].filter(Boolean).join('-')}.${EXTENSIONS[kind]}`;
}
