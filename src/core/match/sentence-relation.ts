/**
 * A close relation in the same sentence decides between namesakes: "the Persian Empire's library in
 * Ctesiphon" is the Sasanian Empire, whose capital Ctesiphon was, not the Achaemenid Empire. A name
 * left ambiguous goes to the candidate that already leads on its own evidence, when that candidate
 * is related to an entity linked with confidence (through its own form) in the same sentence and no
 * other candidate is related to any of them. Cost: one pass over the page's mentions; each ambiguous
 * one reads its sentence's linked mentions and its candidates' relations.
 */
import type { Decided } from './decide';
import type { Matcher } from './matcher';
import { sentenceAround } from './definite-references';
import { encodeWhy, WHY } from './why';

/** `mentions` in document order, `texts` the blocks' texts; resolves ambiguous mentions in place. */
export function sentenceRelation(mentions: Decided[], texts: readonly string[], matcher: Matcher): void {
  mentions.forEach((m) => {
    if (m.id || !m.candidates || m.leader === undefined) return;
    const text = texts[m.block]!;
    const [from, to] = sentenceAround(text, m.start, m.end);
    const near = new Set<number>();
    for (const o of mentions) {
      if (o.block !== m.block || !o.id || !o.explicit || o.start < from || o.end > to) continue;
      const i = matcher.indexOf(o.id);
      if (i !== undefined) near.add(i);
    }
    if (near.size === 0) return;
    let related: string | undefined;
    let by: number | undefined;
    for (const id of m.candidates) {
      const i = matcher.indexOf(id);
      const other = i === undefined ? undefined : matcher.neighbours(i).find((n) => near.has(n));
      if (other === undefined) continue;
      if (related !== undefined) return;
      related = id;
      by = other;
    }
    if (related === undefined || related !== m.leader || by === undefined) return;
    m.id = related;
    m.candidates = undefined;
    m.key = undefined;
    m.why = encodeWhy(WHY.related, matcher.entity(by).name);
  });
}
