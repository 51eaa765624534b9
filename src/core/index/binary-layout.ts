/**
 * The layout of data/index.bin, shared by its encoder (binary-encode.ts) and its reader (binary.ts):
 * a header of HEADER_WORDS little-endian u32 (magic, version, counts, then the byte offset of each
 * section), then the sections, each aligned to 4 bytes.
 */
import type { Relation } from '../dataset/types';

export const INDEX_MAGIC = 0x584d5244; // "DRMX" read as a little-endian u32
export const BINARY_INDEX_VERSION = 4;

/** Table slot flags. */
export const SLOT_USED = 1;
export const SLOT_KEY = 2;
export const SLOT_PREFIX = 4;

/** An entry packs entity index and form flags (5 bits) into one u32. */
export const FLAG_BITS = 6;
export const FLAG_MASK = (1 << FLAG_BITS) - 1;
/** A link packs the other entity, the relation's code (6 bits) and its direction (1 bit). */
export const LINK_SHIFT = 7;
export const SEP = '\u001f';

export const SECTIONS = [
  'entityText', // u32 N+1: offsets into strings of "id␟name␟born␟died␟start␟end" (id left empty when it is slugOf(name))
  'entityTypes', // u8 N
  'keyText', // u32 K+1: offsets into strings of each form key
  'keyEntries', // u32 K: SINGLE | entity << 5 | flags for a key with one entry, else an offset into multi
  'multi', // u32 M: for each key with several entries: the count, then the packed entries
  'slotHashes', // i32 C
  'slotValues', // u32 C: key index << 3 | SLOT_* flags (0: empty)
  'collisions', // i32 2X: [hash, key index] of keys whose 32-bit hash another key already holds (rare)
  'cueText', // u32 N+1: offsets into strings of "cue␟cue"
  'soleStarts', // u32 N+1: offsets into soleKeys
  'soleKeys', // u32: per entity, the one-word keys it alone holds as its own form (the misspelling rule)
  'linkStarts', // u32 N+1: offsets into links
  'links', // u32 L: other << 7 | relation << 1 | outgoing
  'strings', // u8 S: UTF-8
] as const;
export type Section = (typeof SECTIONS)[number];
export const HEADER_WORDS = 9 + SECTIONS.length;
export const SINGLE = 0x80000000;
/** Table occupancy: linear probing stays short (about 2.5 probes for a miss) at this load. */
export const LOAD = 0.6;

/** A file that is not an index of this version: fail loudly, never read garbage. */
export class IndexFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexFormatError';
  }
}

/** One relation line of an entity, either direction ("Reiss friend_of Krivitsky" is also Krivitsky's). */
export interface IndexLink {
  other: number;
  relation: Relation;
  /** True when this entity is the subject ("this <relation> other"). */
  outgoing: boolean;
}

export const align4 = (n: number) => (n + 3) & ~3;

export const firstSlot = (hash: number, capacity: number) => (Math.imul(hash, 0x9e3779b1) >>> 0) % capacity;
