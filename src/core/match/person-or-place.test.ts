import { describe, expect, it } from 'vitest';
import { linkedWith as linked } from '../../../test/fixtures/wrong-links/fixture';

describe('a place with nothing but its name, against a person of that name the page supports', () => {
  it('is not linked when the person has the page’s relations', () => {
    expect(linked('In 1453 the Byzantine Empire fell. Constantine appealed to Western Europe.')).toEqual([
      'Byzantine Empire=byzantine-empire',
    ]);
  });
  it('is linked when nothing on the page speaks for a person', () => {
    expect(linked('In 1850 the Kingdom of France held Algeria, and Constantine grew into a large city.')).toEqual([
      'Kingdom of France=france-fixture',
      'Algeria=algeria',
      'Constantine=constantine-algeria',
    ]);
  });
});
