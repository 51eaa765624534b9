import { describe, expect, it } from 'vitest';
import { linkedWith as linked } from '../../../test/fixtures/wrong-links/fixture';

describe('a city and the state of its era that share a name', () => {
  it('gives the era name to the state, and the city to words that place something in it', () => {
    expect(linked('In 218 BC war broke out between Rome and its neighbours.')).toEqual(['Rome=roman-republic']);
    expect(linked('In 218 BC the consuls stayed in Rome.')).toEqual(['Rome=rome']);
    expect(linked('In 218 BC the army camped near Rome.')).toEqual(['Rome=rome']);
  });
  it('leaves the city to every page outside the era', () => {
    expect(linked('In 1950 the war broke out while she lived in Rome.')).toEqual(['Rome=rome']);
    expect(linked('In 1950 Rome was hot.')).toEqual(['Rome=rome']);
  });
});
