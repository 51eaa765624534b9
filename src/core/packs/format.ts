/**
 * Reference packs: a teacher's list of names (and notes on them) that Dramatis finds on every page,
 * beside the bundled dataset. The format is documented for pack authors in docs/PACKS.md, with a
 * JSON Schema in docs/pack.schema.json; the limits below are the ones stated there.
 */
import type { EntityType, Relation } from '../dataset/types';
import { foldKey, slugOf } from '../text/fold';

export const PACK_FORMAT_VERSION = 1;

/** Limits, stated in docs/PACKS.md and enforced with a message by the parsers. */
export const PACK_LIMITS = {
  /** The whole file, in bytes (UTF-8). */
  fileBytes: 2 * 1024 * 1024,
  entities: 2000,
  notes: 2000,
  title: 120,
  author: 200,
  packDescription: 2000,
  version: 40,
  name: 200,
  aliases: 30,
  description: 1000,
  url: 2000,
  related: 50,
  noteText: 5000,
  quote: 2000,
} as const;

export interface PackRelated {
  /** The other entity: a pack entity's name, or a Wikipedia title (a pack entity's or a bundled one's). */
  name?: string;
  wikipedia?: string;
  relation: Relation;
}

export interface PackEntity {
  name: string;
  type: EntityType;
  aliases?: string[];
  description?: string;
  born?: string;
  died?: string;
  start?: string;
  end?: string;
  /** An English Wikipedia title; when it is a bundled entity's title, the pack entity is that entity. */
  wikipedia?: string;
  url?: string;
  /** [latitude, longitude] in degrees. */
  coords?: [number, number];
  related?: PackRelated[];
}

/** A W3C Web Annotation target, as the notes export writes it. */
export interface PackNoteTarget {
  source: string;
  selector: [
    { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string },
    ...{ type: 'TextPositionSelector'; start: number; end: number }[],
  ];
}

/** The pack author's note: on an entity (by its name or Wikipedia title in the pack) or on a passage of a page. */
export type PackNote = { entity: string; text: string } | { wikipedia: string; text: string } | { target: PackNoteTarget; text: string };

export interface Pack {
  dramatisPack: typeof PACK_FORMAT_VERSION;
  title: string;
  author?: string;
  description?: string;
  version?: string;
  entities: PackEntity[];
  notes: PackNote[];
}

/** A pack as the extension keeps it (IndexedDB store `packs`, and the JSON backup). */
export interface StoredPack {
  /** packIdOf(pack.title): a newer file with the same title replaces the old. */
  id: string;
  enabled: boolean;
  /** Epoch milliseconds of the first import and of the latest file. */
  imported: number;
  updated: number;
  pack: Pack;
}

export const PACK_PREFIX = 'pack-';

/** FNV-1a over the text: short, stable ids (not cryptographic). */
function hash32(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** A pack's id, from its title folded (case and accents do not make a different pack). */
export function packIdOf(title: string): string {
  return `${PACK_PREFIX}${hash32(foldKey(title))}`;
}

/**
 * The id of each pack entity, from the pack's id and the entity's name: the same name in a newer
 * file of the same pack keeps its id, so the reader's notes on it stay. Names are unique in a pack
 * (the validator sees to it); two names with one slug ("Café", "Cafe") get a hash suffix.
 */
export function packEntityIds(pack: Pack): string[] {
  const packId = packIdOf(pack.title);
  const seen = new Set<string>();
  return pack.entities.map((e) => {
    let id = `${packId}-${slugOf(e.name).slice(0, 80) || 'entity'}`;
    if (seen.has(id)) id = `${id}-${hash32(e.name)}`;
    seen.add(id);
    return id;
  });
}

export const isPackEntityId = (id: string): boolean => id.startsWith(PACK_PREFIX);
