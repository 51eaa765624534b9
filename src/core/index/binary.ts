/**
 * The shipped matching index as one ArrayBuffer (data/index.bin): the matcher's open-addressing
 * table, the form keys and their entries, the entity records, cues and relations, all as typed
 * arrays over one buffer. The background fetches it and reads it in place: no JSON parse, no table
 * build, no per-entity objects until a mention needs one (strings are decoded on first use).
 * The build, the CLI, the tests and the extension all read it through BinaryIndex.
 *
 * Layout: binary-layout.ts (version 5: the entity records first, so a streaming reader, stream.ts,
 * can answer cards before the rest of the file is in).
 */
import { ENTITY_TYPES, RELATIONS, type EntityType } from '../dataset/types';
import { slugOf } from '../text/fold';
import { hashKey, type TokenScan } from '../text/scan';
import { encodeIndex } from './binary-encode';
import {
  firstSlot,
  FLAG_BITS,
  FLAG_MASK,
  IndexFormatError,
  LINK_SHIFT,
  readHeader,
  SEP,
  SINGLE,
  SLOT_KEY,
  SLOT_USED,
  type IndexHeader,
  type IndexLink,
  type Section,
} from './binary-layout';
import type { CompiledIndex, MatchEntity } from './format';

export { BINARY_INDEX_VERSION, IndexFormatError, SLOT_KEY, SLOT_PREFIX, type IndexLink } from './binary-layout';
export { encodeIndex } from './binary-encode';

/** Reads an encoded index in place. Construction costs a few typed-array views, whatever the size. */
export class BinaryIndex {
  readonly entityCount: number;
  readonly keyCount: number;
  readonly capacity: number;
  private readonly slotHashes: Int32Array;
  private readonly slotValues: Uint32Array;
  private readonly collisions: Int32Array;
  private readonly entityText: Uint32Array;
  private readonly entityTypes: Uint8Array;
  private readonly keyText: Uint32Array;
  private readonly keyEntries: Uint32Array;
  private readonly multi: Uint32Array;
  private readonly cueText: Uint32Array;
  private readonly soleStarts: Uint32Array;
  private readonly soleKeys: Uint32Array;
  private readonly linkStarts: Uint32Array;
  private readonly links: Uint32Array;
  private readonly entityStrings: Uint8Array;
  private readonly keyStrings: Uint8Array;
  private readonly cueStrings: Uint8Array;
  private readonly decoder = new TextDecoder();
  // Decoded on first use only: a page touches a few hundred keys and entities of tens of thousands.
  private readonly entityCache = new Map<number, MatchEntity>();
  private readonly keyCache = new Map<number, string>();
  private readonly entryCache = new Map<number, number[]>();
  private readonly cueCache = new Map<number, readonly string[] | undefined>();
  private readonly neighbourCache = new Map<number, readonly number[]>();

  /**
   * Reads `buffer` in place. `header` (from readHeader) is passed by a reader of the file as it
   * streams in (stream.ts): then the buffer is the whole file's size but only its first bytes are in
   * yet, and the caller uses only what has arrived (the entity records, then the rest).
   */
  constructor(
    readonly buffer: ArrayBuffer,
    header: IndexHeader = readHeader(buffer),
  ) {
    if (header.total > buffer.byteLength)
      throw new IndexFormatError(
        `the index is truncated (${buffer.byteLength} bytes, expected ${header.total}); rebuild with npm run build`,
      );
    const at = <T>(section: Section, View: new (buffer: ArrayBuffer, offset: number, length: number) => T, size: number): T => {
      const { offset, bytes } = header.sections[section];
      return new View(buffer, offset, bytes / size);
    };
    this.entityCount = header.entityCount;
    this.keyCount = header.keyCount;
    this.capacity = header.capacity;
    this.entityText = at('entityText', Uint32Array, 4);
    this.entityTypes = at('entityTypes', Uint8Array, 1);
    this.entityStrings = at('entityStrings', Uint8Array, 1);
    this.keyText = at('keyText', Uint32Array, 4);
    this.keyEntries = at('keyEntries', Uint32Array, 4);
    this.multi = at('multi', Uint32Array, 4);
    this.keyStrings = at('keyStrings', Uint8Array, 1);
    this.slotHashes = at('slotHashes', Int32Array, 4);
    this.slotValues = at('slotValues', Uint32Array, 4);
    this.collisions = at('collisions', Int32Array, 4);
    this.cueText = at('cueText', Uint32Array, 4);
    this.cueStrings = at('cueStrings', Uint8Array, 1);
    this.soleStarts = at('soleStarts', Uint32Array, 4);
    this.soleKeys = at('soleKeys', Uint32Array, 4);
    this.linkStarts = at('linkStarts', Uint32Array, 4);
    this.links = at('links', Uint32Array, 4);
    const n = this.entityCount;
    if (this.entityText.length !== n + 1 || this.entityTypes.length !== n || this.keyText.length !== this.keyCount + 1)
      throw new IndexFormatError('the index header does not agree with its sections; rebuild with npm run build');
  }

  private text(heap: Uint8Array, from: number, to: number): string {
    return from === to ? '' : this.decoder.decode(heap.subarray(from, to));
  }

  /** The entity's matching record (id, name, type, dates), decoded on first use. */
  entity(i: number): MatchEntity {
    let e = this.entityCache.get(i);
    if (!e) {
      const [id, name, born, died, start, end] = this.text(this.entityStrings, this.entityText[i]!, this.entityText[i + 1]!).split(
        SEP,
      ) as string[];
      e = { id: id || slugOf(name!), type: ENTITY_TYPES[this.entityTypes[i]!] as EntityType, name: name! };
      if (born) e.born = born;
      if (died) e.died = died;
      if (start) e.start = start;
      if (end) e.end = end;
      this.entityCache.set(i, e);
    }
    return e;
  }

  idOf(i: number): string {
    return this.entity(i).id;
  }

  /** The index of an entity by id: a binary search, since entities are sorted by id. O(log n) decodes. */
  indexOf(id: string): number | undefined {
    let lo = 0;
    let hi = this.entityCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const other = this.idOf(mid);
      if (other === id) return mid;
      if (other < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  key(k: number): string {
    let key = this.keyCache.get(k);
    if (key === undefined) this.keyCache.set(k, (key = this.text(this.keyStrings, this.keyText[k]!, this.keyText[k + 1]!)));
    return key;
  }

  /** A key's entries as flat pairs [entityIndex, flags, ...], offset by `base` (a second table's place). */
  entriesOf(k: number, base = 0): number[] {
    let flat = this.entryCache.get(k);
    if (!flat) {
      const v = this.keyEntries[k]!;
      const unpack = (p: number) => [(p >>> FLAG_BITS) + base, p & FLAG_MASK];
      if (v & SINGLE) flat = unpack(v & ~SINGLE);
      else {
        flat = [];
        for (let j = v + 1; j <= v + this.multi[v]!; j++) flat.push(...unpack(this.multi[j]!));
      }
      this.entryCache.set(k, flat);
    }
    return flat;
  }

  /** The table slot holding hash, or -1. */
  find(hash: number): number {
    const cap = this.capacity;
    let slot = firstSlot(hash, cap);
    for (;;) {
      const v = this.slotValues[slot]!;
      if (!(v & SLOT_USED)) return -1;
      if (this.slotHashes[slot] === hash) return slot;
      slot = slot + 1 === cap ? 0 : slot + 1;
    }
  }

  /** The open-addressing table's arrays (views over the buffer, never copied), for the matcher's own probe (../match/table-probe.ts). */
  table(): { hashes: Int32Array; values: Uint32Array; capacity: number } {
    return { hashes: this.slotHashes, values: this.slotValues, capacity: this.capacity };
  }

  /** SLOT_* flags of a slot found by find(). */
  slotFlags(slot: number): number {
    return this.slotValues[slot]! & 7;
  }

  /**
   * The key whose text equals tokens [from, to) of a scan, among the keys of a slot found by find():
   * the slot's own key, then any other key with the very same 32-bit hash (kept aside by the encoder,
   * about one in a hundred thousand). -1 when none. ASCII tokens are compared with the key's UTF-8
   * bytes in place, so the hot path decodes no string.
   */
  keyAt(slot: number, s: TokenScan, from: number, to: number): number {
    const v = this.slotValues[slot]!;
    if (!(v & SLOT_KEY)) return -1;
    if (this.keyEquals(v >>> 3, s, from, to)) return v >>> 3;
    const hash = this.slotHashes[slot]!;
    for (let j = 0; j < this.collisions.length; j += 2) {
      if (this.collisions[j] === hash && this.keyEquals(this.collisions[j + 1]!, s, from, to)) return this.collisions[j + 1]!;
    }
    return -1;
  }

  private keyEquals(k: number, s: TokenScan, from: number, to: number): boolean {
    for (let t = from; t < to; t++) {
      // A token with non-ASCII letters folds in ways a byte compare cannot follow: compare as text.
      if (!s.isAscii(t)) return this.key(k) === joinedKey(s, from, to);
    }
    const bytes = this.keyStrings;
    const end = this.keyText[k + 1]!;
    let at = this.keyText[k]!;
    const text = s.text;
    for (let t = from; t < to; t++) {
      if (t > from) {
        if (bytes[at] !== 32) return false;
        at++;
      }
      const stop = s.ends[t]!;
      for (let p = s.starts[t]!; p < stop; p++) {
        let c = text.charCodeAt(p);
        if (c >= 65 && c <= 90) c += 32;
        else if (c === 96) c = 39; // a backquote folds to an apostrophe
        if (bytes[at++] !== c) return false;
      }
    }
    return at === end;
  }

  /** The key index for a whole key, or -1 (for lookups outside the scan). */
  keyIndex(key: string): number {
    const slot = this.find(hashKey(key));
    if (slot === -1) return -1;
    const v = this.slotValues[slot]!;
    if (!(v & SLOT_KEY)) return -1;
    if (this.key(v >>> 3) === key) return v >>> 3;
    const hash = this.slotHashes[slot]!;
    for (let j = 0; j < this.collisions.length; j += 2)
      if (this.collisions[j] === hash && this.key(this.collisions[j + 1]!) === key) return this.collisions[j + 1]!;
    return -1;
  }

  cues(i: number): readonly string[] | undefined {
    if (!this.cueCache.has(i)) {
      const text = this.text(this.cueStrings, this.cueText[i]!, this.cueText[i + 1]!);
      this.cueCache.set(i, text ? text.split(SEP) : undefined);
    }
    return this.cueCache.get(i);
  }

  /** Entities related to this one, either direction. */
  neighbours(i: number): readonly number[] {
    let list = this.neighbourCache.get(i);
    if (!list) {
      const out: number[] = [];
      for (let j = this.linkStarts[i]!; j < this.linkStarts[i + 1]!; j++) out.push(this.links[j]! >>> LINK_SHIFT);
      this.neighbourCache.set(i, (list = out));
    }
    return list;
  }

  /** The entity's relations with their kinds, for its card. */
  linksOf(i: number): IndexLink[] {
    const out: IndexLink[] = [];
    for (let j = this.linkStarts[i]!; j < this.linkStarts[i + 1]!; j++) {
      const v = this.links[j]!;
      out.push({ other: v >>> LINK_SHIFT, relation: RELATIONS[(v >>> 1) & 63]!, outgoing: (v & 1) === 1 });
    }
    return out;
  }

  /** The one-word keys this entity alone holds as its own form ("mercader"), for the misspelling rule. */
  soleKeysOf(i: number): string[] {
    const out: string[] = [];
    for (let j = this.soleStarts[i]!; j < this.soleStarts[i + 1]!; j++) out.push(this.key(this.soleKeys[j]!));
    return out;
  }
}

/** The folded key of tokens [from, to), joined by single spaces. */
function joinedKey(s: TokenScan, from: number, to: number): string {
  let key = s.key(from);
  for (let t = from + 1; t < to; t++) key += ` ${s.key(t)}`;
  return key;
}

/** A compiled index read through the shipped format (Node tools and tests use exactly what ships). */
export function toBinary(index: CompiledIndex): BinaryIndex {
  return new BinaryIndex(encodeIndex(index));
}
