import { describe, expect, it } from 'vitest';
import { oneSensePerPage, type Decided } from './decide';

describe('one sense per page', () => {
  const linkedElsewhere: Decided = { block: 0, start: 0, end: 7, id: 'vikings', formKey: 'vikings', explicit: true };
  it('gives an ambiguous shared form the sense it had elsewhere on the page', () => {
    const tie: Decided = { block: 1, start: 0, end: 7, candidates: ['vikings-2013-tv-series', 'vikings'], key: 'vikings' };
    oneSensePerPage([linkedElsewhere, tie]);
    expect(tie.id).toBe('vikings');
    expect(tie.candidates).toBeUndefined();
  });
  it('leaves it ambiguous when its own evidence leans to another candidate', () => {
    const leaning: Decided = {
      block: 1,
      start: 0,
      end: 7,
      candidates: ['vikings-2013-tv-series', 'vikings'],
      key: 'vikings',
      leader: 'vikings-2013-tv-series',
    };
    oneSensePerPage([linkedElsewhere, leaning]);
    expect(leaning.id).toBeUndefined();
    expect(leaning.candidates).toEqual(['vikings-2013-tv-series', 'vikings']);
  });
});
