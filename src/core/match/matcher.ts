/**
 * The matcher: finds every known surface form in a block of text, leftmost-longest, token by token.
 * Keys and their token prefixes live in an open-addressing table of 32-bit hashes, prebuilt in the
 * binary index (../index/binary.ts; hashes from ../text/scan), so each token costs one integer
 * probe, plus one per extension while the running key is a known prefix; strings are compared only
 * on a hit. A token that starts no form is mostly turned away by a bitset before the table is read
 * (./table-probe.ts). Cost is O(tokens) whatever the number of names
 * (figures in docs/PERFORMANCE.md).
 */
import { SLOT_KEY, SLOT_PREFIX, type BinaryIndex, type IndexLink } from '../index/binary';
import type { MatchEntity } from '../index/format';
import { BREAK_BEFORE, joinHash, scan, TokenScan } from '../text/scan';
import { TableProbe } from './table-probe';

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

/**
 * Matching against one or two binary indexes: the shipped one and, beside it, a small table of the
 * reader's own entities (tracked names; reference packs later), compiled at run time in the same
 * format. The second table's entity indices follow the first's, so callers see one numbering.
 */
export class Matcher {
  private readonly layers: { index: BinaryIndex; base: number }[];
  readonly entityCount: number;

  constructor(base: BinaryIndex, extra?: BinaryIndex) {
    this.layers = [{ index: base, base: 0 }];
    if (extra && extra.entityCount > 0) this.layers.push({ index: extra, base: base.entityCount });
    this.entityCount = base.entityCount + (extra?.entityCount ?? 0);
  }

  private layerOf(entity: number): { index: BinaryIndex; base: number } {
    const last = this.layers[this.layers.length - 1]!;
    return entity >= last.base ? last : this.layers[0]!;
  }

  /** The entity's matching record (id, name, type, dates). */
  entity(i: number): MatchEntity {
    const l = this.layerOf(i);
    return l.index.entity(i - l.base);
  }

  idOf(i: number): string {
    const l = this.layerOf(i);
    return l.index.idOf(i - l.base);
  }

  /** Entity index by id, or undefined. */
  indexOf(id: string): number | undefined {
    for (const l of this.layers) {
      const i = l.index.indexOf(id);
      if (i !== undefined) return i + l.base;
    }
    return undefined;
  }

  /** Context words for an entity, as form keys (see Entity.cues). */
  cues(i: number): readonly string[] | undefined {
    const l = this.layerOf(i);
    return l.index.cues(i - l.base);
  }

  /** Entities related to this one, in either direction. */
  neighbours(entity: number): readonly number[] {
    const l = this.layerOf(entity);
    const list = l.index.neighbours(entity - l.base);
    return l.base === 0 ? list : list.map((j) => j + l.base);
  }

  /** The relations of an entity with their kinds (for its card), numbered as everywhere else. */
  linksOf(entity: number): IndexLink[] {
    const l = this.layerOf(entity);
    return l.index.linksOf(entity - l.base).map((link) => ({ ...link, other: link.other + l.base }));
  }

  /**
   * One-word keys that name this entity and no other ("mercader"), for the misspelling rule:
   * precomputed per entity in the index, so this costs one small read per entity on the page.
   */
  singleWordForms(id: string): readonly string[] {
    const i = this.indexOf(id);
    if (i === undefined) return [];
    const l = this.layerOf(i);
    return l.index.soleKeysOf(i - l.base);
  }

  /** Entries for a key, or undefined: one probe of each table. Flat pairs [entityIndex, flags, ...]. */
  lookup(key: string): readonly number[] | undefined {
    let found: number[] | undefined;
    for (const l of this.layers) {
      const k = l.index.keyIndex(key);
      if (k !== -1) found = found ? [...found, ...l.index.entriesOf(k, l.base)] : l.index.entriesOf(k, l.base);
    }
    return found;
  }

  private readonly scratch = new TokenScan(4096);
  /** Each layer's probe; their bitsets are filled once FILTER_AFTER_CHARS of text have been scanned. */
  private probes: TableProbe[] | undefined;
  private scannedChars = 0;
  /** The last hit of longestAt (reused: the hot loop allocates nothing per token). */
  private readonly hit: Hit = { key: -1, end: -1 };

  /** The longest form of any layer starting at token i, with its entries (both layers' when they hold the same form). */
  private longestFrom(tokens: TokenScan, i: number): { end: number; entries: number[]; key: string } | undefined {
    let best: { end: number; entries: number[]; key: string } | undefined;
    const probes = (this.probes ??= this.layers.map((l) => new TableProbe(l.index)));
    // Its own Hit: the caller's loop still reads this.hit's fields after this returns.
    const hit: Hit = { key: -1, end: -1 };
    for (let li = 0; li < this.layers.length; li++) {
      const l = this.layers[li]!;
      if (!longestAt(probes[li]!, l.index, tokens, i, hit)) continue;
      const found = l.index.entriesOf(hit.key, l.base);
      if (!best || hit.end > best.end) best = { end: hit.end, entries: found, key: l.index.key(hit.key) };
      else if (hit.end === best.end) best.entries = [...best.entries, ...found];
    }
    return best;
  }

  /**
   * All candidates in one block, non-overlapping, leftmost-longest across both tables. Without
   * `tokens`, the text is scanned into a scratch scan reused across calls.
   */
  candidates(text: string, tokens: TokenScan = scan(text, this.scratch)): Candidate[] {
    const out: Candidate[] = [];
    const n = tokens.count;
    const { lengths, starts, ends } = tokens;
    const layers = this.layers;
    const probes = (this.probes ??= layers.map((l) => new TableProbe(l.index)));
    if (this.scannedChars < FILTER_AFTER_CHARS && (this.scannedChars += text.length) >= FILTER_AFTER_CHARS) {
      for (const p of probes) p.build();
    }
    const hit = this.hit;
    let i = 0;
    while (i < n) {
      let bestEnd = -1;
      let entries: number[] | undefined;
      let key = '';
      for (let li = 0; li < layers.length; li++) {
        if (!longestAt(probes[li]!, layers[li]!.index, tokens, i, hit)) continue;
        const l = layers[li]!;
        const found = l.index.entriesOf(hit.key, l.base);
        if (hit.end > bestEnd) {
          bestEnd = hit.end;
          entries = found;
          key = l.index.key(hit.key);
        } else if (hit.end === bestEnd) {
          // The same form in both tables: the reader's entity stands beside the dataset's.
          entries = [...entries!, ...found];
        }
      }
      if (bestEnd === -1) {
        i++;
        continue;
      }
      // "the Saturday Evening Post": a lower-case article before a name that includes "The" is not
      // part of the mention; the name proper starts at the next token.
      let first = i;
      if (bestEnd - i >= 2 && lengths[i] === 3 && text.charCodeAt(starts[i]!) === 116 && tokens.key(i) === 'the') {
        first = i + 1;
        // "the Congo River": a form with its article ("the Congo") must not hide a longer form that
        // starts after it. One more lookup, only after a lower-case "the" that begins a form.
        const after = this.longestFrom(tokens, first);
        if (after && after.end > bestEnd) ({ end: bestEnd, entries, key } = after);
      }
      out.push({ start: starts[first]!, end: ends[bestEnd - 1]!, firstToken: first, endToken: bestEnd, key, entries: entries! });
      i = bestEnd;
    }
    return out;
  }
}

/**
 * Text scanned before the probes' bitsets are filled (about 16,000 tokens): a pass over the table
 * costs about as much as probing that many tokens that start no form, and more on a cold start, so a
 * worker's first small batch (the content script sends about 6 KB) never pays for it; a long page
 * or a second page does, once.
 */
const FILTER_AFTER_CHARS = 100_000;

/** A form found by longestAt: its key index and the token after its last. */
interface Hit {
  key: number;
  end: number;
}

/**
 * The longest form of one table starting at token i, written into `hit`; false when none.
 * Cost: one bitset load per token, a table probe only when the bitset holds the hash, one more of
 * each per extension while the running key is a known prefix; strings are compared only on a hash hit.
 */
function longestAt(probe: TableProbe, index: BinaryIndex, tokens: TokenScan, i: number, hit: Hit): boolean {
  const { hashes, lengths, breaks } = tokens;
  const n = tokens.count;
  let h = hashes[i]!;
  let slot = probe.find(h);
  if (slot === -1) return false;
  let found = false;
  let j = i + 1;
  for (;;) {
    const flags = probe.flags(slot);
    if (flags & SLOT_KEY) {
      const k = index.keyAt(slot, tokens, i, j);
      if (k !== -1) {
        hit.key = k;
        hit.end = j;
        found = true;
      }
    }
    if (!(flags & SLOT_PREFIX) || j >= n || (breaks[j]! & BREAK_BEFORE) !== 0) break;
    h = joinHash(h, hashes[j]!, lengths[j]!);
    slot = probe.find(h);
    if (slot === -1) break;
    j++;
  }
  return found;
}
