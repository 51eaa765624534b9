/**
 * The matcher's own probe of a binary index's open-addressing table (../index/binary.ts), for the
 * scan's hot loop, where most tokens start no form at all (86% of the bench's tokens against the
 * synthetic 100,000 entities, 47% against the real data). BinaryIndex.find answers such a token
 * only after a few probes (about 3.5 at the table's 0.6 load) into two arrays of several MB, each a
 * likely cache miss. Here a bitset over the table's hashes, small enough to stay in cache, answers
 * most of them with one load; the table is probed only for a hash the bitset holds (every hash in
 * the table, and about one absent hash in fifteen).
 * Cost: one pass over the table's slots when built (see build()), and capacity / 2 bytes rounded up
 * to a power of two (64 KB for the real data's table, 256 KB for the synthetic 100,000 entities').
 */
import type { BinaryIndex } from '../index/binary';
import { SLOT_USED } from '../index/binary-layout';

/** Mixes a hash before taking its top bits as a bit position (a different multiplier from firstSlot's, so the two are not correlated). */
const FILTER_MIX = 0x85ebca6b;

export class TableProbe {
  private readonly hashes: Int32Array;
  private readonly values: Uint32Array;
  private readonly capacity: number;
  /** Until build(): one word of set bits, which lets every hash through to the table. */
  private filter = new Int32Array([-1]);
  private shift = 27;

  constructor(index: BinaryIndex) {
    const table = index.table();
    this.hashes = table.hashes;
    this.values = table.values;
    this.capacity = table.capacity;
  }

  /** Whether build() has run. */
  get built(): boolean {
    return this.filter.length > 1;
  }

  /**
   * Fills the bitset from the table: one pass over its slots, about 1 ms of CPU for the real data's
   * table and 3.5 ms for the synthetic 100,000 entities' once the loop is compiled, several times
   * that on a cold start (the loop first runs in the interpreter). The Matcher calls it only once
   * it has scanned enough text for the saving to pay for it, so a small first detection never waits on it.
   */
  build(): void {
    // About 4 bits per slot, 6.7 per hash held (the table is 60% full): about 1 absent hash in 7
    // passes the bitset (1 in 14 for the synthetic 100,000's larger table); the table's own probe rules it out.
    const bitsLog2 = Math.max(10, Math.ceil(Math.log2(Math.max(1, this.capacity) * 4)));
    const shift = 32 - bitsLog2;
    const filter = new Int32Array(1 << (bitsLog2 - 5));
    for (let s = 0; s < this.capacity; s++) {
      if (this.values[s]! & SLOT_USED) {
        const bit = Math.imul(this.hashes[s]!, FILTER_MIX) >>> shift;
        filter[bit >>> 5]! |= 1 << (bit & 31);
      }
    }
    this.filter = filter;
    this.shift = shift;
  }

  /** The slot holding hash, or -1: the same answer as BinaryIndex.find, sooner for a hash the table does not hold. */
  find(hash: number): number {
    const bit = Math.imul(hash, FILTER_MIX) >>> this.shift;
    if ((this.filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return -1;
    const cap = this.capacity;
    let slot = firstSlotOf(hash, cap);
    for (;;) {
      const v = this.values[slot]!;
      if (!(v & SLOT_USED)) return -1;
      if (this.hashes[slot] === hash) return slot;
      slot = slot + 1 === cap ? 0 : slot + 1;
    }
  }

  /** SLOT_* flags of a slot found by find(). */
  flags(slot: number): number {
    return this.values[slot]! & 7;
  }
}

/**
 * firstSlot of ../index/binary-layout.ts, the same value computed without `%`: the product is an
 * unsigned 32-bit number above int32's range, so V8 takes `%` as a floating-point remainder (a slow
 * fmod call); a floor division of doubles is exact here (the dividend is below 2^32) and about twice
 * as fast. table-probe.test.ts checks it against firstSlot.
 */
export function firstSlotOf(hash: number, capacity: number): number {
  const x = Math.imul(hash, 0x9e3779b1) >>> 0;
  return x - Math.floor(x / capacity) * capacity;
}
