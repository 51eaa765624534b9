/**
 * The reader's settings: one table of field checks used by the message validator, the backup
 * reader and the store (so a field is checked the same way wherever it enters), the migration of
 * stored settings (fields a version did not know take their defaults), and the rules that read them
 * (is Dramatis on for this site, how long before a card opens).
 */
import { ENTITY_TYPES } from './dataset/types';
import {
  CARD_TRIGGERS,
  DEFAULT_SETTINGS,
  DENSITIES,
  MARK_STYLES,
  MODIFIER_KEYS,
  SITE_MODES,
  type CardTrigger,
  type Settings,
  MAX_DISABLED_SITES,
} from './protocol/messages';

/** A hostname is at most 253 characters (RFC 1035); the lists are bounded so a bad page cannot grow them without end. */
export const MAX_HOST = 253;
/** As many as the backup import accepts (MAX_DISABLED_SITES): a longer list slows every tab's settings read. */
export const MAX_SITES = MAX_DISABLED_SITES;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf =
  (values: readonly string[]) =>
  (v: unknown): string | null =>
    typeof v === 'string' && values.includes(v) ? null : `must be one of ${values.join(', ')}`;
const sites = (v: unknown): string | null =>
  Array.isArray(v) && v.length <= MAX_SITES && v.every((s) => typeof s === 'string' && s.length > 0 && s.length <= MAX_HOST)
    ? null
    : `must be a list of at most ${MAX_SITES} site names`;

/** Why a value is not valid for a settings field, or null. Every field of Settings has a check. */
export const SETTINGS_CHECKS: { [K in keyof Settings]: (v: unknown) => string | null } = {
  highlightsEnabled: (v) => (typeof v === 'boolean' ? null : 'must be true or false'),
  disabledSites: sites,
  siteMode: oneOf(SITE_MODES),
  enabledSites: sites,
  density: oneOf(DENSITIES),
  modifierKey: oneOf(MODIFIER_KEYS),
  markStyle: oneOf(MARK_STYLES),
  kinds: (v) => {
    if (!isObj(v)) return 'must be an object of kinds';
    for (const key of Object.keys(v))
      if (!(ENTITY_TYPES as readonly string[]).includes(key)) return `has an unknown kind "${key.slice(0, 40)}"`;
    for (const key of ENTITY_TYPES) if (v[key] !== undefined && typeof v[key] !== 'boolean') return `${key} must be true or false`;
    return null;
  },
  cardTrigger: oneOf(CARD_TRIGGERS),
};

const FIELDS = Object.keys(SETTINGS_CHECKS) as (keyof Settings)[];

/**
 * Why a partial settings object (a patch, or a backup's settings) is not valid, or null. Missing
 * fields are fine. Unknown fields are refused in messages; a backup may allow them (a newer
 * version's settings: settingsFrom drops them).
 */
export function settingsPatchProblem(v: unknown, allowUnknown = false): string | null {
  if (!isObj(v)) return 'must be an object';
  for (const name of Object.keys(v)) {
    if (!(FIELDS as string[]).includes(name)) {
      if (allowUnknown) continue;
      return `has an unknown field "${name.slice(0, 60)}"`;
    }
    const problem = v[name] === undefined ? null : SETTINGS_CHECKS[name as keyof Settings](v[name]);
    if (problem) return `${name} ${problem}`;
  }
  return null;
}

/**
 * Settings as stored by any version, made whole: a field an older version did not know, or one
 * that does not pass its check, takes its default; unknown fields are dropped. `kinds` is merged
 * per kind, so a new kind added later starts on.
 */
export function settingsFrom(stored: unknown): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, disabledSites: [], enabledSites: [], kinds: { ...DEFAULT_SETTINGS.kinds } };
  if (!isObj(stored)) return out;
  for (const name of FIELDS) {
    const value = stored[name];
    if (value === undefined || SETTINGS_CHECKS[name](value) !== null) continue;
    if (name === 'kinds') out.kinds = { ...out.kinds, ...(value as Partial<Settings['kinds']>) };
    else if (Array.isArray(value)) (out as unknown as Record<string, unknown>)[name] = [...(value as string[])];
    else (out as unknown as Record<string, unknown>)[name] = value;
  }
  return out;
}

/** Applies a (validated) patch: `kinds` merges per kind, every other field replaces. */
export function applySettingsPatch(current: Settings, patch: Partial<Settings>): Settings {
  const kinds = patch.kinds ? { ...current.kinds, ...patch.kinds } : current.kinds;
  return settingsFrom({ ...current, ...patch, kinds });
}

/** Whether Dramatis runs on a page of this host under these settings. */
export function siteEnabled(settings: Pick<Settings, 'siteMode' | 'disabledSites' | 'enabledSites'>, host: string): boolean {
  return settings.siteMode === 'only-listed' ? settings.enabledSites.includes(host) : !settings.disabledSites.includes(host);
}

/**
 * The patch that switches Dramatis on or off for a host, in the list the current mode reads (the
 * popup's switch and the options page write the same list).
 */
export function sitePatch(settings: Settings, host: string, on: boolean): Partial<Settings> {
  const listed = settings.siteMode === 'only-listed' ? on : !on;
  const field = settings.siteMode === 'only-listed' ? 'enabledSites' : 'disabledSites';
  const list = new Set(settings[field]);
  if (listed) list.add(host);
  else list.delete(host);
  return { [field]: [...list].sort() };
}

/**
 * What the reader typed as a site, as a hostname ("https://www.Example.org/a" -> "www.example.org"),
 * or undefined when it is not one.
 */
export function hostFromInput(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return undefined;
  }
  if (!host || host.length > MAX_HOST || !/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/.test(host)) return undefined;
  return host;
}

/** How long the pointer rests on a name before its card opens, per trigger (ms). */
export const CARD_DELAYS: Record<Exclude<CardTrigger, 'modifier'>, number> = { short: 150, normal: 400, long: 900 };

/** While the modifier key is held a card opens almost at once: the key already says "I mean it". */
export const MODIFIER_CARD_DELAY = 80;

export function cardDelay(trigger: CardTrigger): number {
  return trigger === 'modifier' ? MODIFIER_CARD_DELAY : CARD_DELAYS[trigger];
}
