/**
 * The one message protocol. Content scripts, the popup and extension pages send Requests to the
 * background; the popup sends TabRequests to the content script of a tab. Every message is checked
 * by ./validate at the boundary before a handler sees it.
 */
import type { Correction } from '../corrections';
import type { EntityType } from '../dataset/types';
import type { CardEntity, MatchEntity } from '../index/format';
import type { Mention } from '../match/mention';
import type { RelationLine } from '../relations';
import type { Note } from '../notes/model';
import type { NoteQuery, NoteQueryResult } from '../notes/query';
import type { Pack, StoredPack } from '../packs/format';
import type { PackPassageNote } from '../packs/passages';
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
  /** The full-disk guard's state (only extension pages are told). */
  safety?: SafetyState;
}

export interface Settings {
  /** Highlights everywhere (the global toggle). */
  highlightsEnabled: boolean;
  /** Hostnames where the reader switched Dramatis off (used when siteMode is 'all-except'). */
  disabledSites: string[];
  /** Where Dramatis runs: everywhere but disabledSites (the default), or only on enabledSites. */
  siteMode: SiteMode;
  /** Hostnames where the reader switched Dramatis on (used when siteMode is 'only-listed'). */
  enabledSites: string[];
  /** How much is marked: every mention, the first per block, the first on the page, or nothing until the modifier key is held. */
  density: Density;
  /** The key the reader holds to light names up (density 'modifier') or to open cards (cardTrigger 'modifier'). */
  modifierKey: ModifierKey;
  /** How marks look: coloured by type, one quiet colour, or dotted. */
  markStyle: MarkStyle;
  /** Which kinds of entity are marked. */
  kinds: Record<EntityType, boolean>;
  /** When a card opens: after a short, normal or long rest on a name, or only while the modifier key is held. */
  cardTrigger: CardTrigger;
}

export const SITE_MODES = ['all-except', 'only-listed'] as const;
export type SiteMode = (typeof SITE_MODES)[number];
export const DENSITIES = ['every', 'block', 'page', 'modifier'] as const;
export type Density = (typeof DENSITIES)[number];
export const MODIFIER_KEYS = ['Alt', 'Control', 'Shift', 'Meta'] as const;
export type ModifierKey = (typeof MODIFIER_KEYS)[number];
export const MARK_STYLES = ['type', 'quiet', 'dotted'] as const;
export type MarkStyle = (typeof MARK_STYLES)[number];
export const CARD_TRIGGERS = ['short', 'normal', 'long', 'modifier'] as const;
export type CardTrigger = (typeof CARD_TRIGGERS)[number];

/** Today's behaviour: every name marked, coloured by type, everywhere, cards after a normal pause. */
export const DEFAULT_SETTINGS: Settings = {
  highlightsEnabled: true,
  disabledSites: [],
  siteMode: 'all-except',
  enabledSites: [],
  density: 'every',
  modifierKey: 'Alt',
  markStyle: 'type',
  kinds: { person: true, organization: true, place: true, event: true, work: true },
  cardTrigger: 'normal',
};

/**
 * Sites a reader can switch off (settings and imported backups). Far more than anyone switches off
 * by hand; bounded because every tab's start reads the list (200,000 sites made that read 1.8 s).
 */
export const MAX_DISABLED_SITES = 2_000;

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

/** Why sync stopped or a connection test failed: the options page shows a sentence for each. */
export type SyncProblemCode =
  | 'unreachable'
  | 'credentials'
  | 'not-webdav'
  | 'no-space'
  | 'forbidden'
  | 'server'
  | 'bad-url'
  | 'permission'
  | 'wrong-passphrase'
  | 'server-reset'
  | 'foreign-folder'
  | 'newer-format'
  | 'internal';

/** The reader's server and account (the app password never leaves the background in a status). */
export interface SyncAccount {
  url: string;
  user: string;
  password: string;
}

/** What the options page and the popup show about sync. */
export interface SyncStatus {
  enabled: boolean;
  /** The server URL and user while sync is on. */
  server?: string;
  user?: string;
  deviceName?: string;
  running: boolean;
  /** The last round: when it ended, and how. */
  lastAttempt?: number;
  lastSuccess?: number;
  outcome: 'never' | 'ok' | 'error';
  problem?: SyncProblemCode;
  /** The error's own words, for the details line. */
  detail?: string;
  /** Files on the server that were skipped (damaged, foreign), with why. */
  skipped: string[];
  /** Failures in a row, and when the next automatic try is due (backing off). */
  failures: number;
  nextRetry?: number;
  /** The last successful round's counts. */
  sent: number;
  received: number;
  conflicts: number;
}

/** The answer to a connection test or a set-up: fine, or the problem by its code. */
export type SyncCheck = { ok: true } | { ok: false; problem: SyncProblemCode; detail: string };

/** "Not this?": the dataset's entities for a name, to pick another from. */
export interface NameSearch {
  /** The form's key as the matcher folds it (what a correction is keyed by), or null if it is no known form. */
  key: string | null;
  /** Every entity that holds this very form (the namesakes), by name. */
  namesakes: MatchEntity[];
  /** Other entities whose name contains the words searched, best first (at most `limit`). */
  matches: MatchEntity[];
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
  | { type: 'detect'; blocks: string[]; onPage?: string[]; /** The page, for the reader's corrections that apply there. */ url?: string }
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
  // Backups of any size (issue 12): read in pages, imported in parts, each message well under 64 MiB.
  | { type: 'backup.page'; store: BackupPageStore; after?: string }
  | { type: 'backup.import.begin'; chars: number }
  | { type: 'backup.import.part'; upload: string; index: number; text: string }
  | { type: 'backup.import.commit'; upload: string; parts: number }
  // The safety copy and the wiped-store guard (src/background/safety.ts).
  | { type: 'safety.copy'; index: number }
  | { type: 'safety.resume' }
  // Sync: sent by extension pages only (the options page, the popup); the background refuses them from content scripts.
  | { type: 'sync.status' }
  | { type: 'sync.test'; account: SyncAccount }
  | { type: 'sync.enable'; account: SyncAccount; passphrase: string; deviceName: string }
  | { type: 'sync.now' }
  | { type: 'sync.disable' }
  | { type: 'sync.removeServerData' }
  | { type: 'names.search'; query: string; /** How many other matches by name (default 20; 0: namesakes only). */ limit?: number }
  | { type: 'corrections.list' }
  | { type: 'corrections.save'; correction: Correction }
  | { type: 'corrections.delete'; id: string }
  | { type: 'data.summary' }
  | { type: 'data.deleteAll' }
  // Reference packs: sent by extension pages only (the options page); the background refuses them from content scripts.
  | { type: 'packs.list' }
  | { type: 'packs.import'; fileName: string; text: string }
  | { type: 'packs.setEnabled'; id: string; enabled: boolean }
  | { type: 'packs.remove'; id: string }
  /** A stored pack by id; without id, a pack made of the reader's tracked names and entity notes, titled `title`. */
  | { type: 'packs.export'; id?: string; title?: string }
  /** The enabled packs' notes on passages of this page: sent by the content script about its own page only (access.ts). */
  | { type: 'packs.notesForPage'; url: string };

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
  'backup.data': { notes: Note[]; personal: PersonalEntity[]; settings: Settings; corrections: Correction[]; packs: StoredPack[] };
  'backup.import': ImportSummary;
  'backup.page': BackupPage;
  'backup.import.begin': { upload: string; partChars: number };
  'backup.import.part': { received: number };
  'backup.import.commit': ImportSummary;
  'safety.copy': SafetyCopyPart;
  'safety.resume': boolean;
  'sync.status': SyncStatus;
  'sync.test': SyncCheck;
  'sync.enable': SyncCheck;
  'sync.now': SyncStatus;
  'sync.disable': SyncStatus;
  'sync.removeServerData': SyncCheck;
  'names.search': NameSearch;
  'corrections.list': Correction[];
  /** The stored correction (the tabs are told to re-resolve their names). */
  'corrections.save': Correction;
  /** The correction deleted, or null if there was none (for undo). */
  'corrections.delete': Correction | null;
  'data.summary': DataSummary;
  /** What was deleted, counted before it went. */
  'data.deleteAll': DataSummary;
  'packs.list': PackListItem[];
  'packs.import': PackImportResult;
  'packs.setEnabled': PackListItem[];
  'packs.remove': boolean;
  'packs.export': Pack;
  'packs.notesForPage': PackPassageNote[];
}

/** How much the reader keeps in Dramatis, store by store (the options page's "Your data"). */
export interface DataSummary {
  notes: number;
  personal: number;
  corrections: number;
  packs: number;
  /** Pages with a remembered pick for an ambiguous name. */
  choices: number;
}

export type BackupPageStore = 'notes' | 'personal' | 'corrections' | 'packs';

/** One page of a store for a backup: records in key order, and the key to continue after (none: the end). */
export interface BackupPage {
  notes?: Note[];
  personal?: PersonalEntity[];
  corrections?: Correction[];
  packs?: StoredPack[];
  next?: string;
}

export interface ImportSummary {
  notesAdded: number;
  notesUpdated: number;
  notesUnchanged: number;
  personalAdded: number;
  personalUpdated: number;
  correctionsAdded: number;
  correctionsUpdated: number;
  packsAdded: number;
  packsUpdated: number;
}

/** One part of the last safety copy: a deflate-compressed backup file, base64, cut in parts. */
export interface SafetyCopyPart {
  index: number;
  parts: number;
  data: string;
  madeAt: number;
  notes: number;
}

/** What the safety guard knows: a wiped store, the first quota error, the last safety copy. */
export interface SafetyState {
  /** Set when the database held fewer notes than the marker kept outside it: writing is stopped. */
  lost?: { expected: number; found: number; at: number };
  /** The first time a write failed for lack of room since the reader last saw it. */
  quotaError?: { at: number; usage?: number; quota?: number };
  /** The last automatic safety copy. */
  copy?: { madeAt: number; notes: number; bytes: number };
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
  | { type: 'page.setSiteEnabled'; on: boolean }
  | { type: 'page.correctionsChanged' }
  | { type: 'page.packsChanged' }
  | { type: 'page.settings'; settings: Settings };

export interface TabResponses {
  'page.summary': PageSummary;
  'page.scrollTo': boolean;
  'page.setHighlights': boolean;
  /** The name of the mention now open, or null when the page has none. */
  'page.step': string | null;
  'page.notesChanged': boolean;
  /** Dramatis switched on or off for this site from the popup: the tab starts or stops its session. */
  'page.setSiteEnabled': boolean;
  /** The reader's corrections changed (in any tab or the options page): names re-resolved. */
  'page.correctionsChanged': boolean;
  /** A pack was imported, turned on or off, or removed: names re-resolved and the pack's passage notes shown afresh. */
  'page.packsChanged': boolean;
  /** The settings changed (options page, popup, a restore): the tab applies them at once, without reloading. */
  'page.settings': boolean;
}

/** What crosses the wire back: a value, or an error with a code to act on and a message a person can read. */
export type Reply<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; error: string };

export type RequestOf<K extends Request['type']> = Extract<Request, { type: K }>;
export type TabRequestOf<K extends TabRequest['type']> = Extract<TabRequest, { type: K }>;
