/**
 * Margin notes: on a page, on a passage, on an entity. Plain data, validated at every boundary
 * (messages, imports), with ids made by the writer so a retried save never duplicates a note.
 */
import { foldKey } from '../text/fold';
import { say, sayNumber } from '../text/say';

export interface PageRef {
  /** The page's URL, fragment removed. */
  url: string;
  title: string;
}

/** W3C Web Annotation selectors for a passage, over the page text Dramatis extracts. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}
export interface PassageTarget {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

interface NoteBase {
  id: string;
  /** Markdown, as the reader typed it. */
  text: string;
  tags: string[];
  /** Epoch milliseconds. */
  created: number;
  updated: number;
}

export interface PageNote extends NoteBase {
  kind: 'page';
  page: PageRef;
}

export interface PassageNote extends NoteBase {
  kind: 'passage';
  page: PageRef;
  target: PassageTarget;
}

export interface EntityNote extends NoteBase {
  kind: 'entity';
  entityId: string;
  /** The entity's name when the note was written, for search and export without the dataset. */
  entityName: string;
  /** Where the reader was when writing it, if on a page. */
  page?: PageRef;
}

export type Note = PageNote | PassageNote | EntityNote;
export type NoteKind = Note['kind'];

/** A note's text may be long (a student's essay draft), but not unbounded. */
export const MAX_NOTE_CHARS = 2_000_000;
export const MAX_TAGS = 50;
export const MAX_TAG_CHARS = 64;
export const MAX_QUOTE_CHARS = 20_000;

/** Tags as readers type them ("#Spain, purges  1937") become ["spain", "purges", "1937"]. */
export function parseTags(input: string): string[] {
  const tags = input
    .split(/[\s,;]+/)
    .map((t) => t.replace(/^#+/, '').trim().toLowerCase())
    .filter((t) => t.length > 0)
    .map((t) => t.slice(0, MAX_TAG_CHARS));
  return [...new Set(tags)].slice(0, MAX_TAGS);
}

/** The host name of a note's page, for the notebook's site filter ("" for file: pages and entity notes). */
export function siteOf(note: Note): string {
  const url = note.page?.url;
  if (!url) return '';
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** A page's identity for notes and choices: the URL without its fragment. */
export function pageKey(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** A random id (crypto.randomUUID where present: extension pages, workers, Node 20). */
export function newNoteId(): string {
  return globalThis.crypto.randomUUID();
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1e14;

/** The first field of v not in known (own keys only, so "__proto__" or "constructor" never pass as known). */
export function unknownFieldProblem(v: Record<string, unknown>, known: readonly string[], where: string): string | null {
  for (const key of Object.keys(v)) if (!known.includes(key)) return say('recordFieldUnknownField', where, key.slice(0, 60));
  return null;
}

const NOTE_FIELDS = {
  page: ['id', 'kind', 'text', 'tags', 'created', 'updated', 'page'],
  passage: ['id', 'kind', 'text', 'tags', 'created', 'updated', 'page', 'target'],
  entity: ['id', 'kind', 'text', 'tags', 'created', 'updated', 'entityId', 'entityName', 'page'],
} as const;

function pageProblem(v: unknown): string | null {
  if (!isObj(v)) return say('notePageShape');
  const unknown = unknownFieldProblem(v, ['url', 'title'], 'page');
  if (unknown) return unknown;
  if (!isStr(v.url, 8192) || v.url.length === 0) return say('notePageUrl');
  if (!isStr(v.title, 2000)) return say('notePageTitle');
  return null;
}

/** Why a value is not a valid note, or null. Used for messages and for imported backups. */
export function noteProblem(v: unknown): string | null {
  if (!isObj(v)) return say('noteNotObject');
  if (!isStr(v.id, 200) || v.id.length === 0) return say('noteBadId');
  if (typeof v.text !== 'string') return say('noteBadText');
  if (v.text.length > MAX_NOTE_CHARS) return say('noteTooLong', sayNumber(v.text.length), sayNumber(MAX_NOTE_CHARS));
  if (!Array.isArray(v.tags) || v.tags.length > MAX_TAGS || !v.tags.every((t) => isStr(t, MAX_TAG_CHARS)))
    return say('noteBadTags', MAX_TAGS);
  if (!isTime(v.created) || !isTime(v.updated)) return say('recordBadTimes');
  if (v.kind === 'page' || v.kind === 'passage' || v.kind === 'entity') {
    const unknown = unknownFieldProblem(v, NOTE_FIELDS[v.kind], say('recordTheNote'));
    if (unknown) return unknown;
  }
  switch (v.kind) {
    case 'page':
      return pageProblem(v.page);
    case 'passage': {
      const p = pageProblem(v.page);
      if (p) return p;
      const t = v.target as Record<string, unknown> | undefined;
      const q = t?.quote as Record<string, unknown> | undefined;
      const pos = t?.position as Record<string, unknown> | undefined;
      if (!isObj(t) || unknownFieldProblem(t, ['quote', 'position'], 'target')) return say('noteTargetShape');
      if (isObj(q) && unknownFieldProblem(q, ['type', 'exact', 'prefix', 'suffix'], 'quote'))
        return unknownFieldProblem(q, ['type', 'exact', 'prefix', 'suffix'], 'target.quote');
      if (isObj(pos) && unknownFieldProblem(pos, ['type', 'start', 'end'], 'position'))
        return unknownFieldProblem(pos, ['type', 'start', 'end'], 'target.position');
      if (
        !isObj(q) ||
        q.type !== 'TextQuoteSelector' ||
        !isStr(q.exact, MAX_QUOTE_CHARS) ||
        q.exact.length === 0 ||
        !isStr(q.prefix, 1000) ||
        !isStr(q.suffix, 1000)
      )
        return say('noteTargetQuote');
      if (
        !isObj(pos) ||
        pos.type !== 'TextPositionSelector' ||
        !Number.isSafeInteger(pos.start) ||
        !Number.isSafeInteger(pos.end) ||
        (pos.start as number) < 0 ||
        (pos.end as number) < (pos.start as number)
      )
        return say('noteTargetPosition');
      return null;
    }
    case 'entity':
      if (!isStr(v.entityId, 200) || v.entityId.length === 0) return say('noteBadEntityId');
      if (!isStr(v.entityName, 500)) return say('noteBadEntityName');
      return v.page === undefined ? null : pageProblem(v.page);
    default:
      return say('noteBadKind');
  }
}

/** Case- and accent-insensitive text a note is found by: its words, its passage, its page and entity. */
export function searchableText(note: Note): string {
  const parts = [note.text, note.tags.join(' '), note.page?.title ?? '', note.page?.url ?? ''];
  if (note.kind === 'passage') parts.push(note.target.quote.exact);
  if (note.kind === 'entity') parts.push(note.entityName);
  return foldKey(parts.join('\n'));
}
