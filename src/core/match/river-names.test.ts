import { describe, expect, it } from 'vitest';
import { linkedWith as linked } from '../../../test/fixtures/wrong-links/fixture';

describe('a river named without "River"', () => {
  it('is the one "<word> River" of the dataset when a place it lies in is on the page', () => {
    expect(linked('In 1777 the British marched into New York. The settlers on the Mohawk marched to relieve the fort.')).toEqual([
      'New York=new-york-state',
      'Mohawk=mohawk-river',
    ]);
  });
  it('stays unnamed with nothing on the page for the river', () => {
    expect(linked('In 1777 the settlers on the Mohawk marched to relieve the fort.')).toEqual([]);
  });
  it('leaves a ship’s name to the ship, and a longer name to itself', () => {
    expect(linked('In 1853 New York sent two frigates, the Susquehanna and the Plymouth.')).toEqual(['New York=new-york-state']);
    expect(linked('In 1777 New York held the Mohawk Valley.')).toEqual(['New York=new-york-state', 'Mohawk Valley=mohawk-valley']);
  });
});
