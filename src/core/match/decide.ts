/**
 * Decisions from scores: a link, an ambiguous mention with its candidates, or nothing; then one
 * sense per page for shared forms left ambiguous.
 */
import type { Candidate } from './matcher';
import type { Mention } from './mention';
import { castsDoubt, cueDecides } from './lead';
import type { Scored } from './score';
import { encodeWhy, WHY } from './why';

/** A mention while the resolver works on it: what the wire form carries, plus how it was linked. */
export interface Decided extends Mention {
  /** The form key of a shared form linked with confidence among namesakes (for one sense per page). */
  formKey?: string;
  /** Linked through one of the entity's own forms, not a derived name part. */
  explicit?: boolean;
  /** Ambiguous: the candidate that scored highest, when it scored more than every other. */
  leader?: string;
}

/** The card's reason for the winner among `namesakes` scored entities (score.ts whyLinked). */
export type WhyOf = (winner: Scored, namesakes: number) => string | undefined;

/** The decision for one candidate from its scored entries. */
export function decide(
  c: Candidate,
  scored: readonly Scored[],
  block: number,
  idOf: (i: number) => string,
  whyOf: WhyOf = () => undefined,
): Decided | undefined {
  const at = { block, start: c.start, end: c.end };
  const valid = scored.filter((s) => s.valid).sort((x, y) => y.score - x.score || x.entity - y.entity);
  if (valid.length === 0) return undefined;
  const linked = (s: Scored, extra?: Partial<Decided>): Decided => {
    const d: Decided = { ...at, id: idOf(s.entity), explicit: !s.derived, ...extra };
    const why = whyOf(s, scored.length);
    if (why !== undefined) d.why = why;
    return d;
  };
  if (valid.length === 1 && scored.length === 1) return linked(valid[0]!);
  const best = valid[0]!;
  // A namesake that is not valid here but scores as high still makes the others doubtful.
  const runnerUp = Math.max(
    valid[1]?.score ?? -Infinity,
    ...scored.filter((s) => !s.valid && s.score >= best.score && castsDoubt(s, best)).map((s) => s.score),
  );
  // Linked with confidence among namesakes: remember the form, for one sense per page.
  if (best.score - runnerUp >= 2 || (valid.length === 1 && best.score - runnerUp >= 1)) return linked(best, { formKey: c.key });
  if (
    best.score > runnerUp &&
    cueDecides(
      best,
      scored.filter((s) => s !== best && (s.valid || s.score >= best.score)),
    )
  )
    return linked(best);
  if (valid.length > 1) {
    const ambiguous: Decided = { ...at, candidates: valid.map((s) => idOf(s.entity)), key: c.key };
    if (best.score > valid[1]!.score) ambiguous.leader = idOf(best.entity);
    return ambiguous;
  }
  return linked(best);
}

/**
 * One sense per page: a shared form left ambiguous takes the entity that the same form was linked to
 * elsewhere on the page with confidence ("Popular Front" twice in a post about Spain), when exactly
 * one such entity exists, it is among the candidates, and no other candidate leads there.
 */
export function oneSensePerPage(mentions: Decided[]): void {
  const linked = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (!m.id || !m.formKey) continue;
    let ids = linked.get(m.formKey);
    if (!ids) linked.set(m.formKey, (ids = new Set()));
    ids.add(m.id);
  }
  for (const m of mentions) {
    if (m.id || !m.candidates || !m.key) continue;
    const ids = linked.get(m.key);
    if (ids?.size !== 1) continue;
    const [id] = ids;
    if (!m.candidates.includes(id!)) continue;
    // The page's sense does not override a mention whose own evidence leans the other way ("the TV
    // series Vikings" on a page about the Vikings).
    if (m.leader !== undefined && m.leader !== id) continue;
    m.id = id;
    m.candidates = undefined;
    m.key = undefined;
    m.why = encodeWhy(WHY.sameSense);
  }
}

/** The wire form: nothing of the resolver's own bookkeeping crosses to the content script or the CLI. */
export function toMention(m: Decided): Mention {
  const out: Mention = { block: m.block, start: m.start, end: m.end };
  if (m.id !== undefined) out.id = m.id;
  if (m.candidates !== undefined) out.candidates = m.candidates;
  if (m.key !== undefined) out.key = m.key;
  if (m.why !== undefined) out.why = m.why;
  return out;
}
