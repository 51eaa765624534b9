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
      // A word in capitals among words in capitals is shouting, not an abbreviation: "ABOUT US".
      if (flags & FormFlag.CommonWord && capitalsBeside(text, tokens, t)) return false;
    } else if (flags & FormFlag.MixedCase) {
      if (surface !== surface.toUpperCase() && !/\p{Ll}\p{Lu}/u.test(text.slice(tokens.starts[c.firstToken], tokens.ends[c.endToken - 1])))
        return false;
      if (!isUpper && !LOWER_OK.has(tokens.key(t))) return false;
    } else if (!isUpper) {
      const inside = t > c.firstToken && t < c.endToken - 1;
      // A title of three or more words written out whole, capitalised at both ends, may keep its
      // inner words in lower case as Wikipedia does ("Bolívar's campaign to liberate New Granada").
      if (inside && (LOWER_OK.has(tokens.key(t)) || sentenceCaseTitle(text, tokens, c))) continue;
      // "al-Mahdi", "el-Sisi": the Arabic article in lower case, joined to the name by a hyphen.
      if (t === c.firstToken && arabicArticle(text, tokens, t)) continue;
      // "the battle of Chausa", "the first Punic War", "the Roman Catholic church": generic words
      // of a longer name in lower case, as much prose writes them, beside a capitalised word of its own.
      if (GENERIC_WORDS.has(tokens.key(t)) && hasDistinctiveCapital(text, tokens, c)) continue;
      return false;
    }
  }
  return true;
}

/**
 * The generic words of event, body and place names that prose often leaves in lower case
 * ("battle", "war", "church", "empire", ordinals): inside a name with a capitalised word of its own,
 * they do not make it something other than a name.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  `battle battles war wars siege treaty peace revolution revolutionary republic empire kingdom dynasty caliphate
church party coalition council river crusade first second third fourth fifth sixth seventh eighth ninth tenth`.split(/\s+/),
);

/**
 * Some word of the candidate is capitalised as only a name's word is: not a generic word or a
 * particle ("Chausa", "Punic"), or a generic word capitalised mid-sentence ("a second Coalition").
 */
function hasDistinctiveCapital(text: string, tokens: TokenScan, c: Candidate): boolean {
  if (c.endToken - c.firstToken < 2) return false;
  for (let t = c.firstToken; t < c.endToken; t++) {
    const key = tokens.key(t);
    if (!isCapitalised(text, tokens, t) || LOWER_OK.has(key)) continue;
    if (!GENERIC_WORDS.has(key) || !(t === 0 || tokens.sentenceStart(t))) return true;
  }
  return false;
}

/** "al" or "el" in lower case, a hyphen, then a capitalised word: "al-Mahdi". */
function arabicArticle(text: string, tokens: TokenScan, t: number): boolean {
  const key = tokens.key(t);
  if ((key !== 'al' && key !== 'el') || t + 1 >= tokens.count) return false;
  return /^[-‐‑]$/.test(text.slice(tokens.ends[t]!, tokens.starts[t + 1]!)) && isCapitalised(text, tokens, t + 1);
}

/** A word of two or more capital letters next to token t, with only spaces between. */
function capitalsBeside(text: string, tokens: TokenScan, t: number): boolean {
  const shouts = (u: number) => {
    if (u < 0 || u >= tokens.count || tokens.lengths[u]! < 2) return false;
    const w = text.slice(tokens.starts[u], tokens.ends[u]);
    return /\p{Lu}/u.test(w) && w === w.toUpperCase();
  };
  return (t > 0 && shouts(t - 1) && spaceBetween(text, tokens, t - 1)) || (shouts(t + 1) && spaceBetween(text, tokens, t));
}

/** Three or more words, the first and the last capitalised. */
function sentenceCaseTitle(text: string, tokens: TokenScan, c: Candidate): boolean {
  return c.endToken - c.firstToken >= 3 && isCapitalised(text, tokens, c.firstToken) && isCapitalised(text, tokens, c.endToken - 1);
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
  // A possessive closes the name: "Leopold’s Congo" is Leopold's, not a Leopold Congo.
  if (flags & FormFlag.FirstName && !possessive(text, tokens, c.endToken - 1)) {
    const next = c.endToken;
    if (next < tokens.count && !tokens.breakBefore(next) && isCapitalised(text, tokens, next) && !LOWER_OK.has(tokens.key(next)))
      return true;
  }
  if (flags & (FormFlag.Surname | FormFlag.FirstName)) {
    const prev = c.firstToken - 1;
    if (prev >= 0 && !tokens.breakBefore(c.firstToken) && isCapitalised(text, tokens, prev) && !TITLES.has(tokens.key(prev))) {
      const sentenceStart = prev === 0 || tokens.breakBefore(prev) || tokens.sentenceStart(prev);
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
  // Only spaces between: "Spain - Commander1" in an infobox is two fields, not one name.
  return (
    next < tokens.count &&
    !tokens.breakBefore(next) &&
    spaceBetween(text, tokens, c.endToken - 1) &&
    isCapitalised(text, tokens, next) &&
    !LOWER_OK.has(tokens.key(next))
  );
}

/**
 * Months, weekdays and era abbreviations may follow or precede a name without joining it ("Moscow,
 * January" without the comma, "In 229 BC Hannibal").
 */
const CALENDAR: ReadonlySet<string> = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday bc bce ad ce'.split(
    ' ',
  ),
);

/** Offices and polities that put a place after "of" without making it part of another name ("the Foreign Minister of France", "the Kingdom of Naples"). */
const OF_HEADS: ReadonlySet<string> = new Set(
  'kingdom empire republic duchy grand principality county city state province town village island isle people peoples range coast north south east west heart'.split(
    ' ',
  ),
);

/** Hereditary titles whose "of Place" is part of a ruler's style. */
const RULER_STYLES: ReadonlySet<string> = new Set(
  'king queen emperor empress elector archduke archduchess duke duchess prince princess tsar czar tsarina sultan shah earl countess margrave'.split(
    ' ',
  ),
);

/** The token is written with a possessive ending ("Stalin’s", "Russia's"), which closes a name. */
function possessive(text: string, tokens: TokenScan, t: number): boolean {
  const end = tokens.ends[t]!;
  return /['’]s$/i.test(text.slice(Math.max(tokens.starts[t]!, end - 2), end)) || /['’]$/.test(text.slice(end - 1, end + 1));
}

/** Some entity the form names on its own is a place. */
function placeEntry(entries: readonly number[], matcher: Matcher): boolean {
  for (let k = 0; k < entries.length; k += 2) if (matcher.entity(entries[k]!).type === 'place') return true;
  return false;
}

/** Only spaces between tokens a and a + 1: a hyphen pairs two names ("Orlov-Feldbin", "Stalin-Hitler") rather than making one. */
function spaceBetween(text: string, tokens: TokenScan, a: number): boolean {
  return /^\s+$/.test(text.slice(tokens.ends[a]!, tokens.starts[a + 1]!));
}

/** A capitalised word that could continue a name: not a particle, not a calendar word, not a number. */
function nameWord(text: string, tokens: TokenScan, t: number): boolean {
  if (!isCapitalised(text, tokens, t)) return false;
  const key = tokens.key(t);
  return !LOWER_OK.has(key) && !CALENDAR.has(key);
}

/**
 * The candidate runs on into a capitalised word the dataset does not join to it: "Chicago Bulls",
 * "Leicester City", "Brooklyn Beckham", "Greensboro Four" are other names than Chicago, Leicester,
 * Brooklyn and Greensboro. Not in title-case headings (every word is capitalised there), not after
 * a possessive ("Stalin’s Russia").
 */
export function runsOnIntoName(text: string, tokens: TokenScan, c: Candidate, blockIsTitleCase: boolean, matcher: Matcher): boolean {
  const next = c.endToken;
  if (blockIsTitleCase || next >= tokens.count || tokens.breakBefore(next)) return false;
  if (possessive(text, tokens, c.endToken - 1) || !spaceBetween(text, tokens, c.endToken - 1)) return false;
  if (!nameWord(text, tokens, next) || tokens.key(next) === 'i') return false;
  // A title after a name is not part of it: "the Hohenzollern Elector of Brandenburg".
  if (TITLES.has(tokens.key(next))) return false;
  // A place then the place that holds it, the comma left out: "Austin Texas", "Coyoacán Mexico";
  // not when that word runs on in turn ("The San Diego Union-Tribune").
  const entries = matcher.lookup(tokens.key(next));
  const after = next + 1;
  const runsOn = after < tokens.count && !tokens.breakBefore(after) && nameWord(text, tokens, after);
  if (entries && placeEntry(entries, matcher) && !runsOn) return false;
  return true;
}

/**
 * The candidate is one link of a chain of three or more words joined by hyphens, one of them in
 * lower case: a URL slug or a file name ("Brooklyn-Beckham-engaged"), not a name. Two words
 * ("Stalin-Hitler", "Orlov-Feldbin") are a pair of names.
 */
export function inSlug(text: string, tokens: TokenScan, c: Candidate): boolean {
  const hyphenBetween = (a: number) => /^[-‐‑]$/.test(text.slice(tokens.ends[a]!, tokens.starts[a + 1]!));
  let first = c.firstToken;
  while (first > 0 && hyphenBetween(first - 1)) first--;
  let last = c.endToken - 1;
  while (last + 1 < tokens.count && hyphenBetween(last)) last++;
  let joins = c.firstToken - first + (last - (c.endToken - 1));
  if (joins === 0) return false;
  for (let t = c.firstToken; t < c.endToken - 1; t++) if (hyphenBetween(t)) joins++;
  if (joins < 2) return false;
  for (let t = first; t <= last; t++) if (!isCapitalised(text, tokens, t) && !/\d/.test(text[tokens.starts[t]!]!)) return true;
  return false;
}

/** Words that make the next "of" name a settlement: "the town of Gettysburg" is the town, not the battle. */
const SETTLEMENT_HEADS: ReadonlySet<string> = new Set('city town village port hamlet borough'.split(' '));

/** The candidate follows "city of", "town of" (lower case: a common noun, not "City of London"'s own name). */
export function afterSettlementWord(text: string, tokens: TokenScan, c: Candidate): boolean {
  const of = c.firstToken - 1;
  if (of < 1 || tokens.breakBefore(c.firstToken) || tokens.key(of) !== 'of' || tokens.breakBefore(of)) return false;
  return SETTLEMENT_HEADS.has(tokens.key(of - 1)) && !isCapitalised(text, tokens, of - 1);
}

/**
 * A one-word name after a capitalised word that is not a title: "Michelle Robinson Obama", "Motilal
 * Nehru", "Charles Barkley", "New Carthage" name somebody or somewhere else. A sentence's first
 * word proves nothing ("When Nehru…"), nor does a possessive ("India’s Nehru").
 */
export function followsUnknownName(text: string, tokens: TokenScan, c: Candidate, blockIsTitleCase: boolean): boolean {
  const prev = c.firstToken - 1;
  if (blockIsTitleCase || prev < 0) return false;
  // A firm's name: "Ingalls & Snyder".
  if (/^\s*&\s*$/.test(text.slice(tokens.ends[prev]!, tokens.starts[c.firstToken]!)) && isCapitalised(text, tokens, prev)) return true;
  if (tokens.breakBefore(c.firstToken) || tokens.sentenceStart(prev) || prev === 0) return false;
  const key = tokens.key(prev);
  // Sentence words capitalised after a colon or an opening quote ("That Trotsky wishes", “Dear Stalin”) are no names.
  if (TITLES.has(key) || SENTENCE_WORDS.has(key) || possessive(text, tokens, prev) || !spaceBetween(text, tokens, prev)) return false;
  return nameWord(text, tokens, prev);
}

/**
 * A place named inside an "X of Place" name: "University of Zagreb", "Bank of England", "Peter of
 * Amiens", and a ruler's style ("the King of Belgium"). Offices ("Governor of Bosnia") and polities
 * ("Kingdom of Naples") leave the place itself named. Mid-sentence only: a sentence's first word is capitalised
 * whatever it is ("Most of Europe").
 */
export function insideOfName(text: string, tokens: TokenScan, c: Candidate, blockIsTitleCase: boolean): boolean {
  let of = c.firstToken - 1;
  if (blockIsTitleCase || of < 1 || tokens.breakBefore(c.firstToken)) return false;
  if (tokens.key(of) === 'the' && of >= 2 && !tokens.breakBefore(of)) of--;
  if (tokens.key(of) !== 'of' || tokens.breakBefore(of)) return false;
  const head = of - 1;
  if (tokens.sentenceStart(head) || head === 0 || possessive(text, tokens, head)) return false;
  const key = tokens.key(head);
  // A ruler's style names the ruler, not the land: "the King of Belgium", "Franz Ferdinand, Archduke
  // of Austria", "the Hohenzollern Elector of Brandenburg". Offices ("Governor of …") leave it named.
  if (RULER_STYLES.has(key) && isCapitalised(text, tokens, head)) return true;
  if (TITLES.has(key) || OF_HEADS.has(key)) return false;
  // "Emperor Wu of the Han": a titled ruler of the place.
  if (head >= 1 && !tokens.breakBefore(head) && TITLES.has(tokens.key(head - 1))) return false;
  return nameWord(text, tokens, head);
}

/** Some entity's first name is this key ("mikhail"). */
export function knownFirstName(key: string, matcher: Matcher): boolean {
  const entries = matcher.lookup(key);
  return entries !== undefined && hasFlag(entries, FormFlag.FirstName);
}
