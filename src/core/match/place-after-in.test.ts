import { describe, expect, it } from 'vitest';
import { linkedWith as linked, wrongLinksMatcher } from '../../../test/fixtures/wrong-links/fixture';
import { scan } from '../text/scan';
import type { Candidate } from './matcher';
import { afterIn } from './place-after-in';

/** The candidate for `surface` in `text`. */
function at(text: string, surface: string): { tokens: ReturnType<typeof scan>; c: Candidate } {
  const tokens = scan(text);
  const c = wrongLinksMatcher()
    .candidates(text, tokens)
    .find((x) => text.slice(x.start, x.end) === surface)!;
  return { tokens, c };
}

describe('a place and an event of one name, after "in"', () => {
  it('is the place after "in" or "near"', () => {
    expect(linked('In 1915 the library in Ctesiphon was famous.')).toEqual(['Ctesiphon=ctesiphon']);
    expect(linked('In 1915 the library near Ctesiphon burned.')).toEqual(['Ctesiphon=ctesiphon']);
  });
  it('stays undecided elsewhere: "at" may be the battle, a name alone either', () => {
    expect(linked('In 1915 the wounded at Ctesiphon were many.')).toEqual(['Ctesiphon?battle-of-ctesiphon|ctesiphon']);
    expect(linked('In 1915 Ctesiphon was famous.')).toEqual(['Ctesiphon?battle-of-ctesiphon|ctesiphon']);
  });
  it('reads a lower-case "in" or "near" right before the name', () => {
    const yes = at('the library in Ctesiphon', 'Ctesiphon');
    expect(afterIn(yes.tokens, yes.c)).toBe(true);
    const no = at('the library, In Ctesiphon', 'Ctesiphon');
    expect(afterIn(no.tokens, no.c)).toBe(false);
  });
});
