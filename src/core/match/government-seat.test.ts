import { describe, expect, it } from 'vitest';
import { linkedWith as linked } from '../../../test/fixtures/wrong-links/fixture';

describe('a seat of government before a word for a government', () => {
  it('does not card the town for the government', () => {
    expect(linked('In 1853 Japan saw the decay of the Edo administration.')).toEqual(['Japan=japan']);
    expect(linked('In 1853 the Edo government of Japan fell.')).toEqual(['Japan=japan']);
  });
  it('keeps the town otherwise', () => {
    expect(linked('In 1853 Japan governed from Edo and its castle.')).toEqual(['Japan=japan', 'Edo=edo-city']);
    expect(linked('In 1853 the Government of Japan sat in Edo.')).toEqual(['Japan=japan', 'Edo=edo-city']);
  });
});
