/**
 * The nearest bearer: a name left ambiguous between entities that the same paragraph has named in
 * full goes to the one named last before it ("Sher Shah Suri ... Sikandar Suri ... Suri avoided
 * the battle"), as a reader takes it. Only when that entity also leads on the mention's own
 * evidence, or nothing leads. Cost: one pass over the page's mentions, O(mentions).
 */
import type { Decided } from './decide';
import { encodeWhy, WHY } from './why';

/** `mentions` in document order; resolves ambiguous ones in place. */
export function nearestNamed(mentions: Decided[]): void {
  // Per paragraph: entity id -> index of its last mention linked through one of its own forms.
  let block = -1;
  let lastNamed = new Map<string, number>();
  mentions.forEach((m, i) => {
    if (m.block !== block) {
      block = m.block;
      lastNamed = new Map();
    }
    if (m.id) {
      if (m.explicit) lastNamed.set(m.id, i);
      return;
    }
    if (!m.candidates) return;
    let nearest: string | undefined;
    let at = -1;
    let named = 0;
    for (const id of m.candidates) {
      const j = lastNamed.get(id);
      if (j === undefined) continue;
      named++;
      if (j > at) {
        at = j;
        nearest = id;
      }
    }
    // At least two of the candidates named before it in the paragraph: a choice between bearers the reader has met.
    if (nearest === undefined || named < 2 || (m.leader !== undefined && m.leader !== nearest)) return;
    m.id = nearest;
    m.candidates = undefined;
    m.key = undefined;
    m.why = encodeWhy(WHY.namedOnPage);
  });
}
