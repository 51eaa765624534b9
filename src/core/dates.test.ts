import { describe, expect, it } from 'vitest';
import { formatDate, formatLifespan, yearsBetween } from './dates';

describe('dates', () => {
  it('formats partial dates', () => {
    expect(formatDate('1899-06-28')).toBe('28 June 1899');
    expect(formatDate('1937-09')).toBe('September 1937');
    expect(formatDate('-0044-03-15')).toBe('15 March 44 BC');
  });
  it('gives exact ages when both days are known', () => {
    expect(formatLifespan({ type: 'person', born: '1899-06-28', died: '1941-02-10' })).toBe('1899–1941, aged 41');
    expect(formatLifespan({ type: 'person', born: '1879-11-07', died: '1940-08-21' })).toBe('1879–1940, aged 60');
  });
  it('says "or" when only years are known', () => {
    expect(formatLifespan({ type: 'person', born: '1910', died: '1979' })).toBe('1910–1979, aged 68 or 69');
  });
  it('handles BC spans and the missing year zero', () => {
    expect(formatLifespan({ type: 'person', born: '-0100-07-12', died: '-0044-03-15' })).toBe('100–44 BC, aged 55');
    expect(yearsBetween('-0063-09-23', '0014-08-19')).toEqual({ years: 75, exact: true });
  });
  it('describes open spans', () => {
    expect(formatLifespan({ type: 'organization', start: '1908-07-26' })).toBe('from 1908');
    expect(formatLifespan({ type: 'event', start: '1936-07-17', end: '1939-04-01' })).toBe('1936–1939');
    expect(formatLifespan({ type: 'work' })).toBe('');
  });
});
