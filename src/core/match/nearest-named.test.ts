import { describe, expect, it } from 'vitest';
import type { Decided } from './decide';
import { nearestNamed } from './nearest-named';

const sher: Decided = { block: 0, start: 0, end: 14, id: 'sher-shah-suri', explicit: true };
const sikandar: Decided = { block: 0, start: 40, end: 53, id: 'sikandar-shah-suri', explicit: true };
const suri = (extra: Partial<Decided> = {}): Decided => ({
  block: 0,
  start: 70,
  end: 74,
  candidates: ['sikandar-shah-suri', 'sher-shah-suri'],
  key: 'suri',
  ...extra,
});

describe('nearestNamed', () => {
  it('gives a shared name to the bearer the paragraph named last before it', () => {
    const m = suri();
    nearestNamed([sher, sikandar, m]);
    expect(m.id).toBe('sikandar-shah-suri');
    expect(m.candidates).toBeUndefined();
    const n = suri();
    nearestNamed([sikandar, sher, n]);
    expect(n.id).toBe('sher-shah-suri');
  });
  it('leaves it ambiguous when its own evidence leads elsewhere', () => {
    const m = suri({ leader: 'sher-shah-suri' });
    nearestNamed([sher, sikandar, m]);
    expect(m.id).toBeUndefined();
  });
  it('needs two bearers named in the same paragraph, through their own forms', () => {
    const one = suri();
    nearestNamed([sikandar, one]);
    expect(one.id).toBeUndefined();
    const otherBlock = suri({ block: 1 });
    nearestNamed([sher, sikandar, otherBlock]);
    expect(otherBlock.id).toBeUndefined();
    const derived = suri();
    nearestNamed([sher, { ...sikandar, explicit: false }, derived]);
    expect(derived.id).toBeUndefined();
  });
});
