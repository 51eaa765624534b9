/**
 * The layout of data/index.bin, shared by its encoder (binary-encode.ts) and its readers (binary.ts,
 * stream.ts): a header of HEADER_WORDS little-endian u32 (magic, version, counts, the file's total
 * size, then the byte offset and byte length of each section), then the sections in SECTIONS order,
 * each aligned to 4 bytes.
 *
 * Version 5 orders the sections by when a cold worker needs them, so the file can be used as it
 * streams in: the entity records first (all a card's `entities.get` needs besides its card shard),
 * then what detection needs. A reader of the stream answers cards once RECORD_SECTIONS are in.
 */
import type { Relation } from '../dataset/types';

/** The shipped index's path in the package, gzipped (the build writes it, the worker reads it). */
export const INDEX_FILE = 'data/index.bin.gz';
export const INDEX_MAGIC = 0x584d5244; // "DRMX" read as a little-endian u32
export const BINARY_INDEX_VERSION = 5;

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
  // The entity records: enough to find an entity by id and give its name, type and dates (a card).
  'entityText', // u32 N+1: offsets into entityStrings of "id␟name␟born␟died␟start␟end" (id left empty when it is slugOf(name))
  'entityTypes', // u8 N
  'entityStrings', // u8: UTF-8
  // The matcher's table and forms: the first detection needs these and everything after.
  'slotHashes', // i32 C
  'slotValues', // u32 C: key index << 3 | SLOT_* flags (0: empty)
  'collisions', // i32 2X: [hash, key index] of keys whose 32-bit hash another key already holds (rare)
  'keyText', // u32 K+1: offsets into keyStrings of each form key
  'keyEntries', // u32 K: SINGLE | entity << 5 | flags for a key with one entry, else an offset into multi
  'multi', // u32 M: for each key with several entries: the count, then the packed entries
  'keyStrings', // u8: UTF-8
  'soleStarts', // u32 N+1: offsets into soleKeys
  'soleKeys', // u32: per entity, the one-word keys it alone holds as its own form (the misspelling rule)
  // Scoring context: cues and relations (relations also for cards' relation lines).
  'cueText', // u32 N+1: offsets into cueStrings of "cue␟cue"
  'cueStrings', // u8: UTF-8
  'linkStarts', // u32 N+1: offsets into links
  'links', // u32 L: other << 7 | relation << 1 | outgoing
] as const;
/** The sections a card's entity record needs; they lead the file. */
export const RECORD_SECTIONS = ['entityText', 'entityTypes', 'entityStrings'] as const;
export type Section = (typeof SECTIONS)[number];
/** magic, version, N, K, C, M, X, L, total bytes; then [offset, byte length] per section. */
export const HEADER_FIXED = 9;
export const HEADER_WORDS = HEADER_FIXED + 2 * SECTIONS.length;
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

/** What the header says: the counts, the file's size and where each section lies. */
export interface IndexHeader {
  entityCount: number;
  keyCount: number;
  capacity: number;
  /** Total bytes of the file. */
  total: number;
  sections: Record<Section, { offset: number; bytes: number }>;
  /** Bytes from the file's start through the last of RECORD_SECTIONS. */
  recordsEnd: number;
}

/**
 * Checks and reads the header at the start of `buffer` (the whole file, or its first bytes while it
 * streams in: at least HEADER_WORDS * 4 of them). Throws IndexFormatError, saying what to do, for a
 * file that is not an index of this version.
 */
export function readHeader(buffer: ArrayBuffer): IndexHeader {
  if (buffer.byteLength < 4 || new Uint32Array(buffer, 0, 1)[0] !== INDEX_MAGIC) {
    throw new IndexFormatError('this file is not a Dramatis index (wrong magic number); rebuild with npm run build');
  }
  if (buffer.byteLength < 8 || new Uint32Array(buffer, 0, 2)[1] !== BINARY_INDEX_VERSION) {
    const version = buffer.byteLength < 8 ? 'no' : `format version ${new Uint32Array(buffer, 0, 2)[1]}`;
    throw new IndexFormatError(`the index has ${version}, this code reads version ${BINARY_INDEX_VERSION}; rebuild with npm run build`);
  }
  if (buffer.byteLength < HEADER_WORDS * 4)
    throw new IndexFormatError(`the index file is too short (${buffer.byteLength} bytes) to be a Dramatis index`);
  const h = new Uint32Array(buffer, 0, HEADER_WORDS);
  const sections = {} as IndexHeader['sections'];
  let end = HEADER_WORDS * 4;
  SECTIONS.forEach((section, i) => {
    const offset = h[HEADER_FIXED + 2 * i]!;
    const bytes = h[HEADER_FIXED + 2 * i + 1]!;
    if (offset < end || offset % 4 !== 0)
      throw new IndexFormatError(`the index's section ${section} is out of place (byte ${offset}); rebuild with npm run build`);
    sections[section] = { offset, bytes };
    end = offset + bytes;
  });
  const total = h[8]!;
  if (end > total)
    throw new IndexFormatError(`the index's sections end at byte ${end}, past its size (${total}); rebuild with npm run build`);
  const last = RECORD_SECTIONS[RECORD_SECTIONS.length - 1]!;
  return {
    entityCount: h[2]!,
    keyCount: h[3]!,
    capacity: h[4]!,
    total,
    sections,
    recordsEnd: sections[last].offset + sections[last].bytes,
  };
}
