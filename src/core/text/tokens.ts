/**
 * Word tokens of a block of text, with offsets into the original string. Names are matched token by
 * token, so "Joseph\u00a0Hansen", "Joseph\nHansen" and "Joseph Hansen" are one key ("joseph hansen").
 * Cost: one pass over the text, O(n), no regex on the ASCII fast path.
 */
import { foldChar } from './fold';

export interface Token {
  /** Offset of the first character in the original text. */
  start: number;
  /** Offset after the last character, possessive "'s" excluded. */
  end: number;
  /** The folded token: lower case, no diacritics. */
  key: string;
  /**
   * True when the gap before this token ends a name: a comma, a sentence end, a bracket, a quote, a
   * slash. Spaces, line breaks and hyphens do not; a period after a single letter ("J. Edgar") does not.
   */
  breakBefore: boolean;
}

const enum Kind { Space, Word, Apostrophe, Joiner, Period, Break }

/** Character class table for ASCII; non-ASCII is classified after folding. */
const ASCII_KIND: Kind[] = [];
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_KIND[c] = /[a-zA-Z0-9]/.test(ch) ? Kind.Word
    : ch === "'" || ch === '`' ? Kind.Apostrophe
    : ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v' ? Kind.Space
    : ch === '-' ? Kind.Joiner
    : ch === '.' ? Kind.Period
    : Kind.Break;
}

const LETTER = /[\p{L}\p{N}]/u;

function kindOf(folded: string): Kind {
  if (folded === '') return Kind.Joiner; // soft hyphen and zero-width characters join
  const c = folded.charCodeAt(0);
  if (c < 128) return ASCII_KIND[c]!;
  return LETTER.test(folded) ? Kind.Word : Kind.Break;
}

/** Splits text into tokens; see Token for the break rules. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let pendingBreak = false;
  while (i < n) {
    const code = text.charCodeAt(i);
    const folded = code < 128 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i]!) : foldChar(text[i]!);
    const kind = code < 128 ? ASCII_KIND[code]! : kindOf(folded);
    if (kind !== Kind.Word) {
      if (kind === Kind.Break) pendingBreak = true;
      else if (kind === Kind.Period) {
        const prev = tokens[tokens.length - 1];
        // A period after an initial or a dotted acronym letter keeps the name going (J. Edgar, N.K.V.D.).
        if (!prev || prev.end !== i || prev.key.length !== 1) pendingBreak = true;
      } else if (kind === Kind.Apostrophe) {
        pendingBreak = true;
      }
      i++;
      continue;
    }
    const start = i;
    let key = '';
    while (i < n) {
      const c = text.charCodeAt(i);
      let f: string;
      let k: Kind;
      if (c < 128) {
        k = ASCII_KIND[c]!;
        f = c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : text[i]!;
      } else {
        // Surrogate pairs are rare in names; take the code point whole so \p{L} sees it.
        const cp = text.codePointAt(i)!;
        const ch = String.fromCodePoint(cp);
        f = foldChar(ch);
        k = kindOf(f);
        if (k === Kind.Word || (f === '' && i + ch.length < n)) {
          key += f;
          i += ch.length;
          continue;
        }
        if (f === "'") k = Kind.Apostrophe;
      }
      if (k === Kind.Word) {
        key += f;
        i++;
      } else if (k === Kind.Apostrophe && i + 1 < n && isWordChar(text, i + 1) && key.length > 0) {
        key += "'";
        i++;
      } else break;
    }
    let end = i;
    // Possessives: Trotsky's, Trotsky’s -> trotsky. The apostrophe rule above kept "'s" inside the token.
    if (key.length > 2 && key.endsWith("'s")) {
      key = key.slice(0, -2);
      end = lastApostrophe(text, start, end);
    }
    tokens.push({ start, end, key, breakBefore: pendingBreak });
    pendingBreak = false;
  }
  return tokens;
}

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_KIND[c] === Kind.Word;
  return kindOf(foldChar(String.fromCodePoint(text.codePointAt(i)!))) === Kind.Word;
}

function lastApostrophe(text: string, start: number, end: number): number {
  for (let j = end - 1; j > start; j--) {
    const ch = text[j]!;
    if (ch === "'" || foldChar(ch) === "'") return j;
  }
  return end;
}

/** The match key of a name: its tokens joined by single spaces ("J. Edgar Hoover" -> "j edgar hoover"). */
export function nameKey(name: string): string {
  return tokenize(name).map((t) => t.key).join(' ');
}
