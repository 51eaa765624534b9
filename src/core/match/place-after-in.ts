/**
 * After "in", a place outranks an event of the same name: "the library in Ctesiphon" is the city,
 * not the Battle of Ctesiphon (1915), which the dataset also calls "Ctesiphon"; "born in Gettysburg"
 * is the town. One is in a place, and at or during an event ("the wounded at Gettysburg" may be the
 * battle), so only "in" and "near" decide. An event that the page supports (named elsewhere, related
 * entities, a cue) keeps its chance. Cost: one key read per candidate with two or more namesakes.
 */
import type { TokenScan } from '../text/scan';
import type { Candidate, Matcher } from './matcher';
import type { Scored } from './score';

const IN_PLACE = new Set(['in', 'near']);

/** The candidate follows a lower-case "in" or "near". */
export function afterIn(tokens: TokenScan, c: Candidate): boolean {
  const prev = c.firstToken - 1;
  if (prev < 0 || tokens.breakBefore(c.firstToken) || !IN_PLACE.has(tokens.key(prev))) return false;
  const first = tokens.text.charCodeAt(tokens.starts[prev]!);
  return first >= 97 && first <= 122;
}

/** Rules out the unsupported events among `scored` when the candidate follows "in" and a place of the form is valid. */
export function eventYieldsToPlaceAfterIn(scored: Scored[], matcher: Matcher, tokens: TokenScan, c: Candidate): void {
  if (!scored.some((s) => s.valid && matcher.entity(s.entity).type === 'place') || !afterIn(tokens, c)) return;
  for (const s of scored) {
    const p = s.points;
    if (!s.valid || matcher.entity(s.entity).type !== 'event' || p.onPage + p.related + p.cue > 0) continue;
    s.valid = false;
    s.reasons.push('after "in": the place of that name, not an event');
  }
}
