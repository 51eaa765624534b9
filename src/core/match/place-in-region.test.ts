import { describe, expect, it } from 'vitest';
import { linkedWith as linked } from '../../../test/fixtures/wrong-links/fixture';

describe('a town placed in a region the dataset does not put it in', () => {
  it('is a namesake there', () => {
    expect(linked('In 1777 the site of the present city of Rome in New York was a fort.')).toEqual(['New York=new-york-state']);
  });
  it('keeps the town in its own region, or where the region is a town itself or unplaced', () => {
    expect(linked('In 1950 the city of Rome in Italy grew.')).toEqual(['Rome=rome', 'Italy=italy']);
    expect(linked('In 1950 he broke with Rome in Brooklyn.')).toEqual(['Rome=rome', 'Brooklyn=brooklyn']);
    expect(linked('In 1950 Dijon in Algeria is unknown.')).toEqual(['Dijon=dijon', 'Algeria=algeria']);
  });
});
