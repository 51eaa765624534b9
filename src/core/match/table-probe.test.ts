import { describe, expect, it } from 'vitest';
import { firstSlot } from '../index/binary-layout';
import { toBinary } from '../index/binary';
import { compileIndex } from '../index/compile';
import type { Entity } from '../dataset/types';
import { hashKey } from '../text/scan';
import { firstSlotOf, TableProbe } from './table-probe';

describe('TableProbe', () => {
  it('computes the first slot exactly as the index format does', () => {
    const hashes = [0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 0x12345678, -0x789abcde];
    let seed = 1;
    for (let i = 0; i < 20_000; i++) hashes.push((seed = (Math.imul(seed, 1103515245) + 12345) | 0));
    for (const capacity of [1, 2, 3, 17, 1000, 126_625, 305_322, 2 ** 27 - 1]) {
      for (const h of hashes) {
        if (firstSlotOf(h, capacity) !== firstSlot(h, capacity)) throw new Error(`hash ${h}, capacity ${capacity}`);
      }
    }
    expect(firstSlotOf(-1, 305_322)).toBe(firstSlot(-1, 305_322));
  });

  it('finds every slot the index finds, and nothing the index does not', () => {
    const entities: Entity[] = Array.from({ length: 300 }, (_, i) => ({
      id: `person-${i}`,
      type: 'person',
      name: `Person${i} Family${i % 37}`,
      description: 'A test person.',
    })) as Entity[];
    const index = toBinary(compileIndex(entities, new Set()));
    const probe = new TableProbe(index);
    let present = 0;
    let turnedAway = 0;
    // Before the bitset is filled (every hash goes to the table) and after.
    for (const built of [false, true]) {
      if (built) probe.build();
      expect(probe.built).toBe(built);
      for (let i = 0; i < 300; i++) {
        for (const key of [`person${i}`, `person${i} family${i % 37}`, `family${i % 37}`, `absent${i}`, `person${i} absent`]) {
          const h = hashKey(key);
          expect(probe.find(h)).toBe(index.find(h));
          if (index.find(h) !== -1) {
            present++;
            expect(probe.flags(probe.find(h))).toBe(index.slotFlags(index.find(h)));
          }
        }
      }
      // Absent keys are asked about too, and most present ones are found: the comparison covers both answers.
      expect(present).toBeGreaterThan(300);
    }
    // The bitset does turn away absent hashes (most of them), not only let everything through.
    const filter = (probe as unknown as { filter: Int32Array; shift: number }).filter;
    const shift = (probe as unknown as { shift: number }).shift;
    for (let i = 0; i < 1000; i++) {
      const bit = Math.imul(hashKey(`absent${i}`), 0x85ebca6b) >>> shift;
      if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) turnedAway++;
    }
    expect(turnedAway).toBeGreaterThan(500);
  });
});
