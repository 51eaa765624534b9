import { describe, expect, it } from 'vitest';
import { scan } from '../text/scan';
import { pageYears } from './page-years';

const years = (text: string) => pageYears([scan(text)]);

describe('the years a page mentions', () => {
  it('reads years, decades, eras and centuries', () => {
    expect(years('In 1937, and through the 1930s')).toEqual([1935, 1937]);
    expect(years('Kadesh was fought in 1274 BCE; Caesar died in 44 B.C.')).toEqual([-1274, -44]);
    expect(years('Jerusalem fell in AD 70, Masada in 73 CE')).toEqual([70, 73]);
    expect(years('In the 5th century BC Athens rose; in the 15th century the Ottomans came')).toEqual([-450, 1450]);
  });
  it('leaves other numbers out', () => {
    expect(years('He scored 102 points and 88 rebounds in 3 games')).toEqual([]);
  });
});
