import { describe, expect, it } from 'vitest';
import { pageEra, yearSpan } from './years';

describe('the era a page is about', () => {
  it('a page of 1930s history has an era: the 10th to 90th percentile of its years', () => {
    const years = [1917, 1936, 1937, 1937, 1938, 1939, 1940, 1940, 1941, 1979];
    expect(pageEra(years)).toEqual(yearSpan(years));
    expect(pageEra(years)).toEqual([1936, 1941]);
  });

  it('a lone year or two (a copyright line, a date of publication) is no era', () => {
    expect(pageEra([])).toBeUndefined();
    expect(pageEra([2024])).toBeUndefined();
    expect(pageEra([1937, 2024])).toBeUndefined();
  });

  it('a survey across millennia is no era', () => {
    expect(pageEra([-500, -300, 100, 800, 1200, 1500, 1800, 1900, 2000])).toBeUndefined();
  });
});
