/**
 * Word tokens as objects, for code off the hot path (the index compiler, tests). The matcher uses
 * the typed-array scan in ./scan directly; both share its rules, so keys always agree.
 */
import { scan } from './scan';

export interface Token {
  /** Offset of the first character in the original text. */
  start: number;
  /** Offset after the last character, possessive "'s" excluded. */
  end: number;
  /** The folded token: lower case, no diacritics. */
  key: string;
  /** True when the gap before this token ends a name (see ./scan). */
  breakBefore: boolean;
}

/** Splits text into tokens. */
export function tokenize(text: string): Token[] {
  const s = scan(text);
  const out: Token[] = [];
  for (let i = 0; i < s.count; i++) out.push({ start: s.starts[i]!, end: s.ends[i]!, key: s.key(i), breakBefore: s.breakBefore(i) });
  return out;
}

/**
 * The form key of a name, as the matcher sees it: its tokens joined by single spaces ("J. Edgar
 * Hoover" -> "j edgar hoover"). The compiler, the validator's duplicate checks and lookups use it.
 */
export function nameKey(name: string): string {
  return tokenize(name)
    .map((t) => t.key)
    .join(' ');
}
