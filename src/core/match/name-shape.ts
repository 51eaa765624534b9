/**
 * How a candidate is written on the page: capitalised like a name, at a sentence start, inside a
 * title-case heading, or part of a longer capitalised name the dataset does not hold.
 */
import { FormFlag } from '../index/format';
import type { TokenScan } from '../text/scan';
import { TITLES } from '../text/titles';
import type { Candidate, Matcher } from './matcher';
import { LOWER_OK, SENTENCE_WORDS } from './words';

export function isCapitalised(text: string, tokens: TokenScan, t: number): boolean {
  const ch = text[tokens.starts[t]!]!;
  return ch !== ch.toLowerCase();
}

export function hasFlag(entries: readonly number[], flag: number): boolean {
  for (let k = 1; k < entries.length; k += 2) if (entries[k]! & flag) return true;
  return false;
}

/** True when some entity holds the form as its own (not derived from a full name). */
export function explicitHolder(entries: readonly number[]): boolean {
  for (let k = 1; k < entries.length; k += 2) if ((entries[k]! & (FormFlag.Surname | FormFlag.FirstName)) === 0) return true;
  return false;
}

/** Capitals with a lower-case plural s: "APIs", "GPUs", "DVDs" are plurals of abbreviations. */
const ACRONYM_PLURAL = /^\p{Lu}{2,}s$/u;

/** True when the surface is written like a name: capitalised words, acronyms in capitals. */
export function looksLikeName(text: string, tokens: TokenScan, c: Candidate, flags: number): boolean {
  for (let t = c.firstToken; t < c.endToken; t++) {
    const surface = text.slice(tokens.starts[t], tokens.ends[t]);
    // "APIs" is not Apis, the sacred bull: a plural abbreviation names no person, place or god.
    if (!(flags & FormFlag.Acronym) && ACRONYM_PLURAL.test(surface)) return false;
    const firstChar = surface[0]!;
    const isUpper = firstChar !== firstChar.toLowerCase() || /\d/.test(firstChar);
    if (flags & FormFlag.Acronym) {
      if (surface !== surface.toUpperCase()) return false;
    } else if (flags & FormFlag.MixedCase) {
      if (surface !== surface.toUpperCase() && !/\p{Ll}\p{Lu}/u.test(text.slice(tokens.starts[c.firstToken], tokens.ends[c.endToken - 1])))
        return false;
      if (!isUpper && !LOWER_OK.has(tokens.key(t))) return false;
    } else if (!isUpper) {
      if (!(LOWER_OK.has(tokens.key(t)) && t > c.firstToken && t < c.endToken - 1)) return false;
    }
  }
  return true;
}

/**
 * Headings and menus capitalise most words, so a capital there proves nothing. Particles that
 * headings keep in lower case ("of", "the") do not count.
 */
export function isTitleCase(text: string, tokens: TokenScan): boolean {
  let words = 0;
  let caps = 0;
  for (let t = 0; t < tokens.count; t++) {
    const first = text.charCodeAt(tokens.starts[t]!);
    if (first >= 48 && first <= 57) continue;
    if (tokens.lengths[t]! <= 3 && LOWER_OK.has(tokens.key(t))) continue;
    words++;
    if (isCapitalised(text, tokens, t)) caps++;
  }
  return words > 0 && caps / words >= 0.75;
}

/** The candidate is capitalised but not where any word would be (a sentence start, a title-case heading). */
export function midSentenceCapital(text: string, tokens: TokenScan, c: Candidate, blockIsTitleCase: boolean): boolean {
  if (blockIsTitleCase || tokens.sentenceStart(c.firstToken)) return false;
  return isCapitalised(text, tokens, c.firstToken);
}

/** A capitalised title ("General", "Senator") directly before the candidate. */
export function titleBefore(text: string, tokens: TokenScan, c: Candidate): boolean {
  const prev = c.firstToken - 1;
  return prev >= 0 && !tokens.breakBefore(c.firstToken) && TITLES.has(tokens.key(prev)) && isCapitalised(text, tokens, prev);
}

/**
 * A surname or first name that is only part of a longer, unknown name: "Lev" in "Lev Sedov" is not
 * Lev Trotsky, "Hansen" in "Reba Hansen" is not Joseph Hansen.
 */
export function partOfLongerName(text: string, tokens: TokenScan, c: Candidate, flags: number, matcher: Matcher): boolean {
  if (flags & FormFlag.FirstName) {
    const next = c.endToken;
    if (next < tokens.count && !tokens.breakBefore(next) && isCapitalised(text, tokens, next) && !LOWER_OK.has(tokens.key(next)))
      return true;
  }
  if (flags & (FormFlag.Surname | FormFlag.FirstName)) {
    const prev = c.firstToken - 1;
    if (prev >= 0 && !tokens.breakBefore(c.firstToken) && isCapitalised(text, tokens, prev) && !TITLES.has(tokens.key(prev))) {
      const sentenceStart = prev === 0 || tokens.breakBefore(prev);
      if (!sentenceStart) return true;
      // At a sentence start a capital proves little: "When Hansen" is not a name, "Reba Hansen" is.
      const prevKey = tokens.key(prev);
      if (!SENTENCE_WORDS.has(prevKey)) return true;
      const entries = matcher.lookup(prevKey);
      if (entries && hasFlag(entries, FormFlag.FirstName)) return true;
    }
  }
  return false;
}

/** The next token, in the same name run, is capitalised and not a particle ("Mobile Group"). */
export function capitalisedAfter(text: string, tokens: TokenScan, c: Candidate): boolean {
  const next = c.endToken;
  return next < tokens.count && !tokens.breakBefore(next) && isCapitalised(text, tokens, next) && !LOWER_OK.has(tokens.key(next));
}
