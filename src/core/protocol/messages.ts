/**
 * The one message protocol. Content scripts, the popup and extension pages send Requests to the
 * background; the popup sends TabRequests to the content script of a tab. Every message is checked
 * by ./validate at the boundary before a handler sees it.
 */
import type { CardEntity, MatchEntity } from '../index/format';
import type { Mention } from '../match/mention';
import type { RelationLine } from '../relations';
import type { Note } from '../notes/model';
import type { NoteQuery, NoteQueryResult } from '../notes/query';
import type { Pack, StoredPack } from '../packs/format';
import type { PackOverlay } from '../packs/table';
import type { PersonalEntity } from '../personal';
import type { ErrorCode } from './errors';

/** Whether notes are kept: persistent storage granted, and a private window's caveat. */
export interface StorageStatus {
  persisted: boolean;
  /** Firefox private windows keep extension storage only until the last private window closes. */
  privateWindow: boolean;
  usage?: number;
  quota?: number;
}

export interface Settings {
  /** Highlights everywhere (the global toggle). */
  highlightsEnabled: boolean;
  /** Hostnames where the reader switched Dramatis off. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Settings = { highlightsEnabled: true, disabledSites: [] };

export interface DetectResult {
  mentions: Mention[];
  /**
   * Every entity named or offered as a candidate: full card records once the background has its
   * card texts, names and types only before that (the content script asks for the rest on a card).
   */
  entities: Record<string, CardEntity | MatchEntity>;
  /** Years this text mentions, sorted (the content script merges batches for the timelines). */
  years: number[];
}

/** A small map for a place's card, drawn in the background from bundled outlines (no network). */
export interface LocatorMap {
  width: number;
  height: number;
  /** SVG path data: the land around the place, and the borders between countries. */
  land: string;
  borders: string;
  /** SVG path data of the place itself when it is a country or region with an outline. */
  highlight?: string;
  /** The place's point when it has coordinates. */
  point?: [number, number];
}

export interface NoteSummary {
  count: number;
  latest?: { text: string; updated: number };
}

/** What a card shows beyond the entity record: relations, a map, the reader's notes. */
export interface CardDetails {
  relations: RelationLine[];
  map?: LocatorMap;
  notes: NoteSummary;
  /** The enabled reference packs that name this entity: their label, description and notes (read-only). */
  packs?: PackOverlay[];
}

/** One imported reference pack, as the options page lists it. */
export interface PackListItem {
  id: string;
  title: string;
  author?: string;
  description?: string;
  version?: string;
  enabled: boolean;
  entities: number;
  notes: number;
  imported: number;
  updated: number;
}

/** What importing a pack file did: every problem when it was refused (then nothing changed). */
export type PackImportResult =
  { ok: true; pack: PackListItem; replaced: boolean; warnings: string[] } | { ok: false; problems: string[]; warnings: string[] };

/** Messages to the background, each with the type of its answer. */
export type Request =
  | { type: 'warm' }
  | { type: 'detect'; blocks: string[]; onPage?: string[] }
  | { type: 'entities.get'; ids: string[] }
  | { type: 'card.details'; id: string; onPage: string[] }
  | { type: 'settings.get' }
  | { type: 'settings.set'; patch: Partial<Settings> }
  | { type: 'notes.save'; note: Note }
  | { type: 'notes.delete'; id: string }
  | { type: 'notes.forPage'; url: string }
  | { type: 'notes.forEntity'; entityId: string }
  | { type: 'notes.query'; query: NoteQuery }
  | { type: 'personal.list' }
  | { type: 'personal.save'; entity: PersonalEntity }
  | { type: 'personal.delete'; id: string }
  | { type: 'storage.status' }
  | { type: 'backup.data' }
  | { type: 'backup.import'; text: string }
  | { type: 'choices.get'; url: string }
  | { type: 'choices.set'; url: string; key: string; id: string }
  // Reference packs: sent by extension pages only (the options page); the background refuses them from content scripts.
  | { type: 'packs.list' }
  | { type: 'packs.import'; fileName: string; text: string }
  | { type: 'packs.setEnabled'; id: string; enabled: boolean }
  | { type: 'packs.remove'; id: string }
  /** A stored pack by id; without id, a pack made of the reader's tracked names and entity notes, titled `title`. */
  | { type: 'packs.export'; id?: string; title?: string };

export interface Responses {
  warm: boolean;
  detect: DetectResult;
  'entities.get': CardEntity[];
  'card.details': CardDetails;
  'settings.get': Settings;
  'settings.set': Settings;
  'notes.save': Note;
  'notes.delete': Note | null;
  'notes.forPage': Note[];
  'notes.forEntity': Note[];
  'notes.query': NoteQueryResult;
  'personal.list': PersonalEntity[];
  'personal.save': PersonalEntity;
  'personal.delete': boolean;
  'storage.status': StorageStatus;
  'backup.data': {
    notes: Note[];
    personal: PersonalEntity[];
    settings: Settings;
    choices: Record<string, Record<string, string>>;
    packs: StoredPack[];
  };
  'backup.import': {
    notesAdded: number;
    notesUpdated: number;
    notesUnchanged: number;
    personalAdded: number;
    personalUpdated: number;
    packsAdded: number;
    packsUpdated: number;
  };
  'choices.get': Record<string, string>;
  'choices.set': Record<string, string>;
  'packs.list': PackListItem[];
  'packs.import': PackImportResult;
  'packs.setEnabled': PackListItem[];
  'packs.remove': boolean;
  'packs.export': Pack;
}

export interface PageEntitySummary {
  id: string;
  name: string;
  type: CardEntity['type'];
  count: number;
  born?: string;
  died?: string;
}

export interface PageSummary {
  url: string;
  title: string;
  highlightsOn: boolean;
  entities: PageEntitySummary[];
  ambiguous: number;
  /** This page's page and passage notes. */
  notes: Note[];
  /** Passage notes whose passage is no longer on the page (kept, listed, never dropped). */
  orphans: string[];
}

/** Messages from the popup to a tab's content script. */
export type TabRequest =
  | { type: 'page.summary' }
  | { type: 'page.scrollTo'; id: string }
  | { type: 'page.setHighlights'; on: boolean }
  | { type: 'page.step'; direction: 'next' | 'previous' }
  | { type: 'page.notesChanged' }
  | { type: 'page.setSiteEnabled'; on: boolean };

export interface TabResponses {
  'page.summary': PageSummary;
  'page.scrollTo': boolean;
  'page.setHighlights': boolean;
  /** The name of the mention now open, or null when the page has none. */
  'page.step': string | null;
  'page.notesChanged': boolean;
  /** Dramatis switched on or off for this site from the popup: the tab starts or stops its session. */
  'page.setSiteEnabled': boolean;
}

/** What crosses the wire back: a value, or an error with a code to act on and a message a person can read. */
export type Reply<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; error: string };

export type RequestOf<K extends Request['type']> = Extract<Request, { type: K }>;
export type TabRequestOf<K extends TabRequest['type']> = Extract<TabRequest, { type: K }>;
