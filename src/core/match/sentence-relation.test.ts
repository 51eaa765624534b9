import { describe, expect, it } from 'vitest';
import { linkedWith as linked } from '../../../test/fixtures/wrong-links/fixture';

/** A second paragraph that names two places with confidence, so the page is not "quiet" (resolve.ts quietPage). */
const ELSEWHERE = 'New York and the Mohawk Valley were far away.';

describe('a relation in the same sentence between namesakes', () => {
  it('gives an ambiguous name to the leading candidate related to a name linked in its sentence', () => {
    expect(linked('The Persian Empire’s library in Ctesiphon was famous.', ELSEWHERE)).toEqual([
      'Persian Empire=sasanian-empire',
      'Ctesiphon=ctesiphon',
      'New York=new-york-state',
      'Mohawk Valley=mohawk-valley',
    ]);
  });
  it('leaves the name ambiguous when the related name is in another sentence', () => {
    expect(linked('The Persian Empire’s library was famous. It stood in Ctesiphon.', ELSEWHERE)).toEqual([
      'Persian Empire?sasanian-empire|achaemenid-empire',
      'Ctesiphon=ctesiphon',
      'New York=new-york-state',
      'Mohawk Valley=mohawk-valley',
    ]);
  });
});
