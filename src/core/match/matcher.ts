/**
 * The matcher: finds every known surface form in a block of text, leftmost-longest, token by token.
 * Keys and their token prefixes live in an open-addressing table of 32-bit hashes (see ../text/scan),
 * so each token costs one integer probe, plus one per extension while the running key is a known
 * prefix; strings are compared only on a hit. Cost is O(tokens) whatever the number of names
 * (figures in docs/PERFORMANCE.md).
 */
import type { CompiledIndex, MatchEntity } from '../index/format';
import { BREAK_BEFORE, hashKey, joinHash, scan, TokenScan } from '../text/scan';

/** A surface form found in the text, before any decision about which entity it names. */
export interface Candidate {
  /** Offsets into the block's text. */
  start: number;
  end: number;
  /** Index of the first and one past the last token of the match. */
  firstToken: number;
  endToken: number;
  key: string;
  /** Flat pairs [entityIndex, flags, ...] from the index. */
  entries: readonly number[];
}

const IS_KEY = 1;
const IS_PREFIX = 2;

/** Integer hash -> flags and the first of the keys with that hash (chained on collision). */
class HashTable {
  private readonly mask: number;
  private readonly hashes: Int32Array;
  private readonly used: Uint8Array;
  readonly flags: Uint8Array;
  readonly head: Int32Array;

  constructor(size: number) {
    let cap = 16;
    while (cap < size * 2) cap <<= 1;
    this.mask = cap - 1;
    this.hashes = new Int32Array(cap);
    this.used = new Uint8Array(cap);
    this.flags = new Uint8Array(cap);
    this.head = new Int32Array(cap).fill(-1);
  }

  /** The slot holding hash, or -1. Linear probing; the table is at most half full. */
  find(hash: number): number {
    let slot = (Math.imul(hash, 0x9e3779b1) >>> 0) & this.mask;
    while (this.used[slot] === 1) {
      if (this.hashes[slot] === hash) return slot;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  insert(hash: number): number {
    let slot = (Math.imul(hash, 0x9e3779b1) >>> 0) & this.mask;
    while (this.used[slot] === 1) {
      if (this.hashes[slot] === hash) return slot;
      slot = (slot + 1) & this.mask;
    }
    this.used[slot] = 1;
    this.hashes[slot] = hash;
    return slot;
  }
}

export class Matcher {
  readonly index: CompiledIndex<MatchEntity>;
  /** Entity index by id. */
  readonly entityIndexById: ReadonlyMap<string, number>;
  private readonly related: number[][];
  private readonly table: HashTable;
  private readonly keys: readonly string[];
  private readonly values: readonly (readonly number[])[];
  private readonly next: Int32Array;

  constructor(index: CompiledIndex<MatchEntity>) {
    this.index = index;
    this.entityIndexById = new Map(index.entities.map((e, i) => [e.id, i]));
    // Relations both ways round: "Reiss friend_of Krivitsky" also relates Krivitsky to Reiss.
    this.related = index.entities.map(() => []);
    for (let k = 0; k < index.links.length; k += 2) {
      const i = index.links[k]!;
      const j = index.links[k + 1]!;
      this.related[i]?.push(j);
      this.related[j]?.push(i);
    }
    this.keys = index.forms.keys;
    this.values = index.forms.values;
    this.next = new Int32Array(this.keys.length);
    let prefixes = 0;
    for (const key of this.keys) for (let at = key.indexOf(' '); at !== -1; at = key.indexOf(' ', at + 1)) prefixes++;
    this.table = new HashTable(this.keys.length + prefixes);
    // Cost: one pass over the keys (tens of thousands), hashing each and its token prefixes.
    for (let k = 0; k < this.keys.length; k++) {
      const key = this.keys[k]!;
      const slot = this.table.insert(hashKey(key));
      this.table.flags[slot]! |= IS_KEY;
      this.next[k] = this.table.head[slot]!;
      this.table.head[slot] = k;
      for (let at = key.indexOf(' '); at !== -1; at = key.indexOf(' ', at + 1)) {
        this.table.flags[this.table.insert(hashKey(key.slice(0, at)))]! |= IS_PREFIX;
      }
    }
  }

  private singleForms: Map<string, string[]> | undefined;

  /**
   * Single-word keys that name this entity and no other ("mercader"), for the misspelling rule.
   * Built on first use by one pass over the forms.
   */
  singleWordForms(id: string): readonly string[] {
    if (!this.singleForms) {
      this.singleForms = new Map();
      for (let k = 0; k < this.keys.length; k++) {
        const key = this.keys[k]!;
        const entries = this.values[k]!;
        if (key.includes(' ')) continue;
        // The one entity that holds the key as its own form (others may have it as a derived name part).
        let holder = -1;
        let holders = 0;
        for (let e = 0; e < entries.length; e += 2) {
          if ((entries[e + 1]! & 3) === 0) {
            holder = entries[e]!;
            holders++;
          }
        }
        if (holders !== 1) continue;
        const entityId = this.index.entities[holder]!.id;
        let list = this.singleForms.get(entityId);
        if (!list) this.singleForms.set(entityId, (list = []));
        list.push(key);
      }
    }
    return this.singleForms.get(id) ?? [];
  }

  /** Entities related to this one, in either direction. */
  neighbours(entity: number): readonly number[] {
    return this.related[entity] ?? [];
  }

  /** Entries for a key, or undefined: one probe of the table. */
  lookup(key: string): readonly number[] | undefined {
    const slot = this.table.find(hashKey(key));
    if (slot === -1) return undefined;
    for (let k = this.table.head[slot]!; k !== -1; k = this.next[k]!) if (this.keys[k] === key) return this.values[k];
    return undefined;
  }

  /**
   * The key index for tokens [from, to) if their joined key is a form, else -1. Only called on a
   * hash hit; compares in place, without building the joined string.
   */
  private verify(s: TokenScan, slot: number, from: number, to: number): number {
    for (let k = this.table.head[slot]!; k !== -1; k = this.next[k]!) if (keyEquals(this.keys[k]!, s, from, to)) return k;
    return -1;
  }

  private readonly scratch = new TokenScan(4096);

  /**
   * All candidates in one block, non-overlapping, leftmost-longest. Without `tokens`, the text is
   * scanned into a scratch scan reused across calls (so returned keys stay valid, they are the
   * index's own strings).
   */
  candidates(text: string, tokens: TokenScan = scan(text, this.scratch)): Candidate[] {
    const out: Candidate[] = [];
    const n = tokens.count;
    const { hashes, lengths, breaks, starts, ends } = tokens;
    const table = this.table;
    let i = 0;
    while (i < n) {
      let h = hashes[i]!;
      let slot = table.find(h);
      if (slot === -1) {
        i++;
        continue;
      }
      let bestEnd = -1;
      let bestKey = -1;
      let j = i + 1;
      for (;;) {
        const flags = table.flags[slot]!;
        if (flags & IS_KEY) {
          const k = this.verify(tokens, slot, i, j);
          if (k !== -1) {
            bestEnd = j;
            bestKey = k;
          }
        }
        if (!(flags & IS_PREFIX) || j >= n || (breaks[j]! & BREAK_BEFORE) !== 0) break;
        h = joinHash(h, hashes[j]!, lengths[j]!);
        slot = table.find(h);
        if (slot === -1) break;
        j++;
      }
      if (bestEnd === -1) {
        i++;
        continue;
      }
      // "the Saturday Evening Post": a lower-case article before a name that includes "The" is not
      // part of the mention; the name proper starts at the next token.
      let first = i;
      if (bestEnd - i >= 2 && lengths[i] === 3 && text.charCodeAt(starts[i]!) === 116 && tokens.key(i) === 'the') first = i + 1;
      out.push({
        start: starts[first]!,
        end: ends[bestEnd - 1]!,
        firstToken: first,
        endToken: bestEnd,
        key: this.keys[bestKey]!,
        entries: this.values[bestKey]!,
      });
      i = bestEnd;
    }
    return out;
  }
}

/** True when tokens [from, to) joined by single spaces fold to key. ASCII tokens compare in place. */
function keyEquals(key: string, s: TokenScan, from: number, to: number): boolean {
  let at = 0;
  for (let t = from; t < to; t++) {
    if (t > from) {
      if (key.charCodeAt(at) !== 32) return false;
      at++;
    }
    if (s.isAscii(t)) {
      const text = s.text;
      const end = s.ends[t]!;
      for (let p = s.starts[t]!; p < end; p++) {
        let c = text.charCodeAt(p);
        if (c >= 65 && c <= 90) c += 32;
        else if (c === 96) c = 39; // a backquote folds to an apostrophe
        if (key.charCodeAt(at++) !== c) return false;
      }
    } else {
      const part = s.key(t);
      if (!key.startsWith(part, at)) return false;
      at += part.length;
    }
  }
  return at === key.length;
}
