import { describe, expect, it } from 'vitest';
import { linkedWith as linked } from '../../../test/fixtures/wrong-links/fixture';

describe('a modern state named by another of its names before its founding', () => {
  it('is not linked on a page about a time before its founding', () => {
    expect(linked('In 1914 the Archduke came to the military maneuvers in Bosnia.')).toEqual([]);
  });
  it('is linked after its founding, and by its own name', () => {
    expect(linked('In 2005 the elections in Bosnia were held.')).toEqual(['Bosnia=bosnia-and-herzegovina']);
    expect(linked('In 1914 Bosnia and Herzegovina was a province.')).toEqual(['Bosnia and Herzegovina=bosnia-and-herzegovina']);
  });
});
