/**
 * The one message protocol. Content scripts, the popup and extension pages send Requests to the
 * background; the popup sends TabRequests to the content script of a tab. Every message is checked
 * by ./validate at the boundary before a handler sees it.
 */
import type { CardEntity } from '../index/format';
import type { Mention } from '../match/resolve';

export interface Settings {
  /** Highlights everywhere (the global toggle). */
  highlightsEnabled: boolean;
  /** Hostnames where the reader switched Dramatis off. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Settings = { highlightsEnabled: true, disabledSites: [] };

export interface DetectResult {
  mentions: Mention[];
  /** Card data for every entity named or offered as a candidate in the mentions. */
  entities: Record<string, CardEntity>;
}

/** Messages to the background, each with the type of its answer. */
export type Request =
  | { type: 'warm' }
  | { type: 'detect'; blocks: string[]; choices?: Record<string, string>; onPage?: string[] }
  | { type: 'entities.get'; ids: string[] }
  | { type: 'settings.get' }
  | { type: 'settings.set'; patch: Partial<Settings> };

export interface Responses {
  warm: boolean;
  detect: DetectResult;
  'entities.get': CardEntity[];
  'settings.get': Settings;
  'settings.set': Settings;
}

export interface PageEntitySummary {
  id: string;
  name: string;
  type: CardEntity['type'];
  count: number;
}

export interface PageSummary {
  url: string;
  title: string;
  highlightsOn: boolean;
  entities: PageEntitySummary[];
  ambiguous: number;
}

/** Messages from the popup to a tab's content script. */
export type TabRequest =
  | { type: 'page.summary' }
  | { type: 'page.scrollTo'; id: string }
  | { type: 'page.setHighlights'; on: boolean };

export interface TabResponses {
  'page.summary': PageSummary;
  'page.scrollTo': boolean;
  'page.setHighlights': boolean;
}

/** What crosses the wire back: a value, or an error message a person can read. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export type RequestOf<K extends Request['type']> = Extract<Request, { type: K }>;
export type TabRequestOf<K extends TabRequest['type']> = Extract<TabRequest, { type: K }>;
