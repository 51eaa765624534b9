/**
 * Folding text to match keys: case, diacritics, apostrophes, dashes and odd spaces vanish, so
 * "Léon Blum", "LEON BLUM" and "Leon\u00a0Blum" share one key. Used on names at build time and,
 * character by character, on page text by the matcher (see foldChar), so both sides fold alike.
 */

/** Letters that NFD does not decompose into base + mark. */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
  ħ: 'h',
  Ħ: 'h',
};

const APOSTROPHES = /[\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/g;
const SPACES = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;
const MARKS = /[\u0300-\u036f]/g;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * Non-ASCII characters seen so far and their folded forms. A page uses few distinct ones (quotes,
 * dashes, accented letters), so memoizing turns several regex tests per character into one lookup.
 */
const foldCache = new Map<string, string>();

/** The folded form of one character: '' for soft hyphens and zero-width marks, else 1 to 2 chars. */
export function foldChar(ch: string): string {
  if (ch.charCodeAt(0) < 0x80) return foldUncached(ch);
  let f = foldCache.get(ch);
  if (f === undefined) {
    f = foldUncached(ch);
    if (foldCache.size < 4096) foldCache.set(ch, f);
  }
  return f;
}

function foldUncached(ch: string): string {
  const special = SPECIAL[ch];
  if (special !== undefined) return special;
  if (ch === '\u2019' || ch === '\u2018' || ch === '\u02bc' || ch === '\u02bb' || ch === '`' || ch === '\u00b4' || ch === '\u2032')
    return "'";
  const code = ch.charCodeAt(0);
  if (code < 0x80) return ch.toLowerCase();
  if (INVISIBLE.test(ch)) {
    INVISIBLE.lastIndex = 0;
    return '';
  }
  if (/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/.test(ch)) return '-';
  if (/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]/.test(ch)) return ' ';
  return ch.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** A whole string folded to its match key, with runs of space collapsed and the ends trimmed. */
export function foldKey(text: string): string {
  let s = text.normalize('NFD').replace(MARKS, '');
  s = s.replace(/[ßẞæÆœŒøØłŁđĐðÐþÞıħĦ]/g, (c) => SPECIAL[c] ?? c);
  s = s.replace(INVISIBLE, '').replace(APOSTROPHES, "'").replace(DASHES, '-').replace(SPACES, ' ');
  return s.toLowerCase().trim();
}

/**
 * The dataset's id rule applied to a title: folded, and every run of characters other than a-z and
 * 0-9 turned into one hyphen ("Léon Blum" -> "leon-blum"). The binary index leaves out an id equal
 * to its name's slug and derives it on read.
 */
export function slugOf(title: string): string {
  return foldKey(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
