import { describe, expect, it } from 'vitest';
import { linkedWith as linked } from '../../../test/fixtures/wrong-links/fixture';
import { isShipName } from './ship-names';

describe('ship names', () => {
  it('reads "the X" in a list that a word for ships opens as a ship, not the place', () => {
    expect(linked('In 1898 came two battleships, the Maine and the Mississippi, to Japan.')).toEqual(['Maine=uss-maine', 'Japan=japan']);
    expect(linked('In 1853 two sloops-of-war, the Mississippi and the Maine, sailed.')).toEqual([]);
  });
  it('reads a name right after a word for a ship as the ship', () => {
    expect(linked('In 1898 the battleship Maine exploded.')).toEqual(['Maine=uss-maine']);
    expect(linked('In 1853 the frigate Mississippi anchored.')).toEqual([]);
  });
  it('keeps the place where no ship word governs the name', () => {
    expect(linked('In 1853 the frigates sailed up the Mississippi to the sea.')).toEqual(['Mississippi=mississippi']);
    expect(linked('In 1853 the frigates left. The Mississippi flooded.')).toEqual(['Mississippi=mississippi']);
    expect(linked('In 1860 Mississippi left the Union.')).toEqual(['Mississippi=mississippi']);
  });
  it('knows a ship by its prefix', () => {
    expect(isShipName('USS Maine')).toBe(true);
    expect(isShipName('HMS Victory')).toBe(true);
    expect(isShipName('Maine')).toBe(false);
  });
});
