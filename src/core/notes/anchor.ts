/**
 * Anchoring passage notes to page text with W3C Web Annotation selectors: a quote with some context
 * (TextQuoteSelector) and a position (TextPositionSelector). Re-anchoring tries the position, then
 * exact occurrences of the quote, then approximate ones (Myers' bit-parallel matching, via
 * approx-string-match), choosing by quote, context and position, the way annotation tools do.
 */
import search from 'approx-string-match';
import type { PassageTarget } from './model';

const CONTEXT = 32;

export function describePassage(text: string, start: number, end: number): PassageTarget {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT), start),
      suffix: text.slice(end, end + CONTEXT),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

export interface Anchor {
  start: number;
  end: number;
  /** True when the quote was found letter for letter. */
  exact: boolean;
}

/** Similarity in [0, 1] of two short strings: 1 minus their edit distance over the longer length. */
function similarity(a: string, b: string): number {
  if (a.length === 0 && b.length === 0) return 1;
  const longer = Math.max(a.length, b.length);
  const matches = search(a, b, Math.max(a.length, b.length));
  const errors = matches.length > 0 ? Math.min(...matches.map((m) => m.errors)) : longer;
  return Math.max(0, 1 - errors / longer);
}

/** Scores a candidate span: the quote dominates; context and position break ties. */
function score(text: string, target: PassageTarget, start: number, end: number, quoteErrors: number): number {
  const { exact, prefix, suffix } = target.quote;
  const quoteScore = 1 - quoteErrors / Math.max(1, exact.length);
  const prefixScore = prefix ? similarity(text.slice(Math.max(0, start - prefix.length), start), prefix) : 1;
  const suffixScore = suffix ? similarity(text.slice(end, end + suffix.length), suffix) : 1;
  const posScore = 1 - Math.min(1, Math.abs(start - target.position.start) / Math.max(1, text.length));
  return 50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore;
}

/**
 * Where the passage is in `text` now, or null when it cannot be placed (the note is then listed as
 * orphaned, never dropped). Fuzzy matches must keep at least three quarters of the quote.
 */
export function anchorPassage(text: string, target: PassageTarget): Anchor | null {
  const { exact } = target.quote;
  const { start, end } = target.position;
  if (exact.length === 0) return null;
  if (text.slice(start, end) === exact) return { start, end, exact: true };

  let best: { start: number; end: number; score: number; exact: boolean } | undefined;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const s = score(text, target, at, at + exact.length, 0);
    if (!best || s > best.score) best = { start: at, end: at + exact.length, score: s, exact: true };
  }
  if (best) return { start: best.start, end: best.end, exact: true };

  const maxErrors = Math.min(256, Math.floor(exact.length / 4));
  if (maxErrors === 0) return null;
  for (const m of search(text, exact, maxErrors)) {
    const s = score(text, target, m.start, m.end, m.errors);
    if (!best || s > best.score) best = { start: m.start, end: m.end, score: s, exact: false };
  }
  return best ? { start: best.start, end: best.end, exact: false } : null;
}
