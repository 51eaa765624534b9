/**
 * A name cut down to its head after "the": "The Treaty also recognized ..." after "The Peace of
 * Westphalia recognized ...", "Photograph of the Archduke" after "Archduke Franz Ferdinand". A
 * capitalised word after "the", which is no form of the dataset and does not begin a longer name
 * ("the Archduke Franz", "the Treaty of Paris"), refers back to the one entity linked earlier on
 * the page through its own form whose name begins with that word as its head (a title, or a noun
 * before "of"), or which is also called "<word> of <the rest of its name>" (the Peace of Westphalia is also the Treaty of Westphalia). With no
 * such entity, "the Council held in 1439 resulted in the proclamation, in Florence, of ..." names
 * the one event called "<word> of <place>", the place linked in the same sentence, whose years hold
 * the one year the sentence gives. "The 1755 earthquake" on a page that names Lisbon is the one
 * event whose own form is "1755 Lisbon earthquake". Two candidates, or none, leave the words alone.
 * Cost: one pass over the tokens per page; only capitalised unknown words after "the" (a few per
 * page) look at the page's own names (dozens), with one table probe per name written "X of Y" and
 * per place of the sentence.
 */
import { yearOf } from '../dates';
import { FormFlag } from '../index/format';
import { TITLES } from '../text/titles';
import { nameKey } from '../text/tokens';
import type { TokenScan } from '../text/scan';
import type { Decided } from './decide';
import type { Matcher } from './matcher';
import type { Mention } from './mention';
import type { ScannedBlock } from './misspellings';
import { isCapitalised, isTitleCase } from './name-shape';
import { encodeWhy, WHY } from './why';

/** A confident link earlier on the page: where, and its entity's name as word keys. */
interface PageName {
  block: number;
  start: number;
  entity: number;
  id: string;
  words: string[];
}

export function definiteReferences(
  blocks: readonly ScannedBlock[],
  decided: readonly Decided[],
  taken: readonly Mention[],
  matcher: Matcher,
): Mention[] {
  const names: PageName[] = [];
  for (const m of decided) {
    if (!m.id || !m.explicit) continue;
    const entity = matcher.indexOf(m.id);
    if (entity === undefined) continue;
    names.push({ block: m.block, start: m.start, entity, id: m.id, words: nameKey(matcher.entity(entity).name).split(' ') });
  }
  if (names.length === 0) return [];
  const out: Mention[] = [];
  blocks.forEach(({ text, tokens }, b) => {
    let titleCase: boolean | undefined;
    for (let t = 1; t < tokens.count; t++) {
      if (datedAfterThe(text, tokens, t)) {
        const start = tokens.starts[t]!;
        const end = tokens.ends[t + 1]!;
        if (taken.some((m) => m.block === b && m.start < end && m.end > start)) continue;
        const id = datedEventOfPlace(tokens.key(t), tokens.key(t + 1), names, matcher);
        if (id) out.push({ block: b, start, end, id, why: encodeWhy(WHY.namedOnPage) });
        continue;
      }
      if (!headAfterThe(text, tokens, t)) continue;
      // Headings capitalise every word: a capital there is no name.
      if ((titleCase ??= isTitleCase(text, tokens))) return;
      const start = tokens.starts[t]!;
      const end = tokens.ends[t]!;
      if (taken.some((m) => m.block === b && m.start < end && m.end > start)) continue;
      const word = tokens.key(t);
      const id = namedEarlier(word, names, b, start, matcher) ?? eventOfPlace(word, text, start, end, b, names, matcher);
      if (id) out.push({ block: b, start, end, id, why: encodeWhy(WHY.namedOnPage) });
    }
  });
  return out;
}

/**
 * Token `t` is a capitalised word of three letters or more right after "the", known to the dataset
 * as no form, and not followed by another capitalised word or "of" (the start of a longer name).
 */
export function headAfterThe(text: string, tokens: TokenScan, t: number): boolean {
  // Lengths and the first character before any key: this runs for every token of the page, and a
  // token's key is a string built on first use.
  if (t < 1 || tokens.breakBefore(t) || tokens.lengths[t]! < 3 || tokens.lengths[t - 1] !== 3) return false;
  if (!isCapitalised(text, tokens, t) || tokens.key(t - 1) !== 'the') return false;
  const first = text.charCodeAt(tokens.starts[t]!);
  if (first >= 48 && first <= 57) return false;
  // All capitals ("the USA", "the NBA") are abbreviations, not a head noun.
  const surface = text.slice(tokens.starts[t], tokens.ends[t]);
  if (surface === surface.toUpperCase()) return false;
  const next = t + 1;
  if (next < tokens.count && !tokens.breakBefore(next) && (isCapitalised(text, tokens, next) || tokens.key(next) === 'of')) return false;
  return true;
}

/** Token `t` is a four-digit year right after "the", followed by a lower-case word ("the 1755 earthquake"). */
export function datedAfterThe(text: string, tokens: TokenScan, t: number): boolean {
  if (t < 1 || t + 1 >= tokens.count || tokens.lengths[t] !== 4 || tokens.lengths[t - 1] !== 3) return false;
  const digit = text.charCodeAt(tokens.starts[t]!);
  if (digit < 48 || digit > 57 || tokens.breakBefore(t) || tokens.breakBefore(t + 1) || tokens.key(t - 1) !== 'the') return false;
  if (!/^\d{4}$/.test(tokens.key(t))) return false;
  const first = text.charCodeAt(tokens.starts[t + 1]!);
  return first >= 97 && first <= 122;
}

/**
 * The one event whose own form is "<year> <place> <noun>" for a place linked on the page: "the 1755
 * earthquake" on a page that names Lisbon is the 1755 Lisbon earthquake.
 */
function datedEventOfPlace(year: string, noun: string, names: readonly PageName[], matcher: Matcher): string | undefined {
  let found: number | undefined;
  const seen = new Set<number>();
  for (const n of names) {
    if (seen.has(n.entity) || matcher.entity(n.entity).type !== 'place') continue;
    seen.add(n.entity);
    const entries = matcher.lookup(`${year} ${n.words.join(' ')} ${noun}`);
    for (let k = 0; entries && k < entries.length; k += 2) {
      if (entries[k + 1]! & (FormFlag.Surname | FormFlag.FirstName) || matcher.entity(entries[k]!).type !== 'event' || entries[k] === found)
        continue;
      if (found !== undefined) return undefined;
      found = entries[k];
    }
  }
  return found === undefined ? undefined : matcher.idOf(found);
}

/** The one entity linked before (block, start) whose name begins with `word` or is also "<word> of <rest>". */
function namedEarlier(word: string, names: readonly PageName[], block: number, start: number, matcher: Matcher): string | undefined {
  if (matcher.lookup(word)) return undefined;
  let found: string | undefined;
  for (const n of names) {
    if (n.block > block || (n.block === block && n.start >= start) || n.id === found) continue;
    // The word is the name's head: a title ("Archduke Franz Ferdinand") or a noun before "of" ("Council of
    // Florence"). A modifier is not ("the Mohawk" is the river, not the Mohawk Valley named earlier).
    let fits = n.words.length >= 2 && n.words[0] === word && (n.words[1] === 'of' || TITLES.has(word));
    const of = n.words.indexOf('of');
    if (!fits && of >= 1 && of < n.words.length - 1)
      fits = holds(matcher.lookup(`${word} of ${n.words.slice(of + 1).join(' ')}`), n.entity);
    if (!fits) continue;
    if (found) return undefined;
    found = n.id;
  }
  return found;
}

/** The sentence around [start, end) in `text`: from after the last full stop before it to the next one. */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && !/[.!?]\s/.test(text.slice(from - 1, from + 1))) from--;
  let to = end;
  while (to < text.length && !/[.!?](?:\s|$)/.test(text.slice(to, to + 2))) to++;
  return [from, to];
}

/**
 * The one event called "<word> of <place>", a place linked in the same sentence, whose years hold
 * the one four-digit year that sentence gives ("the Council held in 1439 ... in Florence").
 */
function eventOfPlace(
  word: string,
  text: string,
  start: number,
  end: number,
  block: number,
  names: readonly PageName[],
  matcher: Matcher,
): string | undefined {
  const [from, to] = sentenceAround(text, start, end);
  const years = new Set(text.slice(from, to).match(/(?<![\d.,])\d{4}(?![\d.,]?\d)/g) ?? []);
  if (years.size !== 1) return undefined;
  const year = Number([...years][0]);
  let found: number | undefined;
  for (const n of names) {
    if (n.block !== block || n.start < from || n.start >= to || matcher.entity(n.entity).type !== 'place') continue;
    const entries = matcher.lookup(`${word} of ${n.words.join(' ')}`);
    for (let k = 0; entries && k < entries.length; k += 2) {
      const e = matcher.entity(entries[k]!);
      const first = yearOf(e.start);
      const last = yearOf(e.end) ?? first;
      if (e.type !== 'event' || first === undefined || last === undefined || year < first || year > last || entries[k] === found) continue;
      if (found !== undefined) return undefined;
      found = entries[k];
    }
  }
  return found === undefined ? undefined : matcher.idOf(found);
}

function holds(entries: readonly number[] | undefined, entity: number): boolean {
  for (let k = 0; entries && k < entries.length; k += 2) if (entries[k] === entity) return true;
  return false;
}
