/**
 * The tokenizer behind the matcher, built for speed: one pass over the text, no object or string
 * per token. Each token gets its original offsets, a break flag and a 32-bit polynomial hash of its
 * folded form (lower case, no diacritics, possessive "'s" dropped), so the matcher probes an integer
 * table instead of hashing strings; the folded key string is built only when asked for (on a hit).
 * Cost: a table lookup and a multiply per ASCII character; foldChar only for non-ASCII.
 *
 * Break rules: a token's break flag is set when the gap before it ends a name: a comma, a sentence
 * end, a bracket, a quote, a slash. Spaces, line breaks and hyphens do not; a period after a single
 * letter ("J. Edgar", "N.K.V.D.") or after "St", "Mt", "Ft" ("St. Louis") does not.
 *
 * Chinese, Japanese and Korean characters (see isCjk) are written without spaces, so each one is a
 * token of its own and never joins a Latin-script token: "托洛茨基Leon Trotsky在墨西哥" scans as
 * 托 洛 茨 基 Leon Trotsky 在 墨 西 哥, and a switch between CJK and other scripts ends a name.
 */
import { foldChar, foldKey } from './fold';

const enum Kind {
  Space,
  Word,
  Apostrophe,
  Joiner,
  Period,
  Break,
}

const ASCII_KIND = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_KIND[c] = /[a-zA-Z0-9]/.test(ch)
    ? Kind.Word
    : ch === "'" || ch === '`'
      ? Kind.Apostrophe
      : /[ \t\n\r\f\v]/.test(ch)
        ? Kind.Space
        : ch === '-'
          ? Kind.Joiner
          : ch === '.'
            ? Kind.Period
            : Kind.Break;
}

/**
 * For each ASCII code, its folded (lower-case) code if it is a word character, else 0: the token
 * loop's one table load answers both "does the token go on?" and "what does it add to the hash?".
 */
const ASCII_WORD_FOLD = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (ASCII_KIND[c] === Kind.Word) ASCII_WORD_FOLD[c] = c >= 65 && c <= 90 ? c + 32 : c;

/**
 * Kind + 1 of each character below U+3000 seen so far (0: not yet): punctuation such as ’ “ ” — and
 * accented letters are common in page text, and each would otherwise cost a one-character string
 * and two Map lookups (foldChar, kindOfFolded) every time. 12 KB.
 */
const CHAR_KIND = new Uint8Array(0x3000);

/** The kind of a non-ASCII code point, as kindOfFolded(foldChar(it)), cached below U+3000. */
function kindOfCodePoint(cp: number): Kind {
  if (cp < 0x3000) {
    const known = CHAR_KIND[cp]!;
    if (known !== 0) return known - 1;
  }
  const kind = kindOfFolded(foldChar(String.fromCodePoint(cp)));
  if (cp < 0x3000) CHAR_KIND[cp] = kind + 1;
  return kind;
}

const LETTER = /[\p{L}\p{N}]/u;
const APOSTROPHE = 39;
/** Flag bits in TokenScan.breaks. */
export const BREAK_BEFORE = 1;
const ASCII_TOKEN = 2;
/** The token starts a sentence: first in its block, or after . ! ? (not after an initial). */
const SENTENCE_START = 4;
const LOWER_S = 115;
const SPACE = 32;

const kindCache = new Map<string, Kind>();

/**
 * Abbreviations that open a name and never end a sentence: "St. Louis", "St. Leger", "Mt. Vernon",
 * "Ft. Sumter". Their period, like an initial's, keeps the name whole. Checked only for a period
 * right after a two-letter token.
 */
const NAME_ABBREVIATIONS: ReadonlySet<string> = new Set(['St', 'Mt', 'Ft']);

/**
 * Characters of scripts written without spaces between words: Han (CJK ideographs and their
 * extensions, compatibility forms, radicals), Hiragana, Katakana (full and half width), Hangul
 * (syllables and jamo), Bopomofo, and the iteration marks 々〆〇. Two range checks for most text.
 */
export function isCjk(cp: number): boolean {
  if (cp < 0x1100) return false;
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3040 && cp <= 0x30ff) ||
    (cp >= 0xac00 && cp <= 0xd7ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    cp <= 0x11ff ||
    (cp >= 0x2e80 && cp <= 0x2fdf) ||
    (cp >= 0x3005 && cp <= 0x3007) ||
    (cp >= 0x3100 && cp <= 0x31ff) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff66 && cp <= 0xffdc) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

function kindOfFolded(folded: string): Kind {
  if (folded === '') return Kind.Joiner; // soft hyphens and zero-width characters join
  const c = folded.charCodeAt(0);
  if (c < 128) return ASCII_KIND[c] as Kind;
  let k = kindCache.get(folded);
  if (k === undefined) {
    k = LETTER.test(folded) ? Kind.Word : Kind.Break;
    if (kindCache.size < 4096) kindCache.set(folded, k);
  }
  return k;
}

/** Powers of 31 modulo 2^32, for combining token hashes into the hash of "a b". */
const POW = new Int32Array(257);
POW[0] = 1;
for (let k = 1; k < POW.length; k++) POW[k] = Math.imul(POW[k - 1]!, 31);
function pow31(k: number): number {
  if (k < POW.length) return POW[k]!;
  let p = POW[POW.length - 1]!;
  for (let j = POW.length - 1; j < k; j++) p = Math.imul(p, 31);
  return p;
}

/** The hash of a folded key string, the same function the scan applies token by token. */
export function hashKey(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return h;
}

/** hash(a + " " + b) from hash(a), hash(b) and b's folded length. */
export function joinHash(a: number, b: number, bLength: number): number {
  return (Math.imul((Math.imul(a, 31) + SPACE) | 0, pow31(bLength)) + b) | 0;
}

export class TokenScan {
  count = 0;
  starts: Int32Array;
  ends: Int32Array;
  hashes: Int32Array;
  /** Length of each token's folded key. */
  lengths: Int32Array;
  /** Bit 1: the gap before the token ends a name. Bit 2: the token's text is plain ASCII (its key is a cheap toLowerCase). */
  breaks: Uint8Array;
  private keys: (string | undefined)[] = [];

  text = '';

  constructor(capacity = 64) {
    const cap = Math.max(16, capacity);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
    this.hashes = new Int32Array(cap);
    this.lengths = new Int32Array(cap);
    this.breaks = new Uint8Array(cap);
  }

  isAscii(i: number): boolean {
    return (this.breaks[i]! & ASCII_TOKEN) !== 0;
  }

  sentenceStart(i: number): boolean {
    return (this.breaks[i]! & SENTENCE_START) !== 0;
  }

  breakBefore(i: number): boolean {
    return (this.breaks[i]! & BREAK_BEFORE) !== 0;
  }

  /** The folded key of token i ("trotsky" for "Trotsky’s"), built on first use. */
  key(i: number): string {
    let k = this.keys[i];
    if (k === undefined) {
      const surface = this.text.slice(this.starts[i], this.ends[i]);
      k = this.breaks[i]! & ASCII_TOKEN && !surface.includes('`') ? surface.toLowerCase() : foldKey(surface);
      this.keys[i] = k;
    }
    return k;
  }

  /** Starts over on new text, keeping the arrays (the matcher's hot path reuses one scan). */
  reset(text: string): this {
    this.text = text;
    this.count = 0;
    this.keys.length = 0;
    return this;
  }

  push(start: number, end: number, hash: number, length: number, brk: number): void {
    if (this.count === this.starts.length) this.grow();
    const i = this.count++;
    this.starts[i] = start;
    this.ends[i] = end;
    this.hashes[i] = hash;
    this.lengths[i] = length;
    this.breaks[i] = brk;
  }

  private grow(): void {
    const cap = this.starts.length * 2;
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.starts = grow32(this.starts);
    this.ends = grow32(this.ends);
    this.hashes = grow32(this.hashes);
    this.lengths = grow32(this.lengths);
    const b = new Uint8Array(cap);
    b.set(this.breaks);
    this.breaks = b;
  }
}

/**
 * Scans text into tokens; see the file comment for the rules. Pass `into` to reuse its arrays
 * (no allocation per block on the hot path); the result is then only valid until the next reuse.
 */
export function scan(text: string, into?: TokenScan): TokenScan {
  // About one token per six characters of English; arrays grow on demand.
  const out = into ? into.reset(text) : new TokenScan((text.length >> 2) + 8).reset(text);
  const n = text.length;
  let i = 0;
  let pendingBreak = false;
  let pendingSentence = true;
  let lastEnd = -1;
  let lastLength = 0;
  /** Whether the last token was a CJK character (a switch of script ends a name). */
  let lastCjk = false;
  while (i < n) {
    const code = text.charCodeAt(i);
    let kind: Kind;
    if (code < 128) kind = ASCII_KIND[code] as Kind;
    else {
      const cp = text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      if (isCjk(cp)) {
        const f = foldChar(String.fromCodePoint(cp));
        let h = 0;
        for (let j = 0; j < f.length; j++) h = (Math.imul(h, 31) + f.charCodeAt(j)) | 0;
        const brk = pendingBreak || (out.count > 0 && !lastCjk && lastEnd === i);
        out.push(i, i + width, h, f.length, (brk ? BREAK_BEFORE : 0) | (pendingSentence ? SENTENCE_START : 0));
        pendingBreak = false;
        pendingSentence = false;
        lastEnd = i + width;
        lastLength = f.length;
        lastCjk = true;
        i += width;
        continue;
      }
      kind = kindOfCodePoint(cp);
      if (kind === Kind.Apostrophe || kind === Kind.Word) {
        // handled below
      } else {
        if (kind === Kind.Break) {
          pendingBreak = true;
          // An ellipsis, and the ideographic and full-width sentence ends, may end a sentence.
          if (cp === 0x2026 || cp === 0x3002 || cp === 0xff01 || cp === 0xff1f || cp === 0xff0e) pendingSentence = true;
        }
        i += width;
        continue;
      }
    }
    if (kind !== Kind.Word) {
      if (kind === Kind.Break || kind === Kind.Apostrophe) {
        pendingBreak = true;
        if (code === 33 || code === 63) pendingSentence = true; // ! ?
      } else if (
        kind === Kind.Period &&
        !(lastEnd === i && (lastLength === 1 || (lastLength === 2 && NAME_ABBREVIATIONS.has(text.slice(i - 2, i)))))
      ) {
        pendingBreak = true;
        pendingSentence = true;
      }
      i++;
      continue;
    }
    // A token: hash folded characters as they come.
    const start = i;
    let h = 0;
    let len = 0;
    let hBeforeApos = 0;
    let lenBeforeApos = 0;
    let aposAt = -1;
    let ascii = ASCII_TOKEN;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        const f = ASCII_WORD_FOLD[c]!;
        if (f !== 0) {
          h = (Math.imul(h, 31) + f) | 0;
          len++;
          i++;
          continue;
        }
        if (ASCII_KIND[c] === Kind.Apostrophe && len > 0 && i + 1 < n && isWordAt(text, i + 1)) {
          hBeforeApos = h;
          lenBeforeApos = len;
          aposAt = i;
          h = (Math.imul(h, 31) + APOSTROPHE) | 0;
          len++;
          i++;
          continue;
        }
        break;
      }
      const cp = text.codePointAt(i)!;
      if (isCjk(cp)) break;
      if (cp < 0x3000) {
        // A known space, period or break (” — after a word) ends the token: no fold needed.
        const known = CHAR_KIND[cp]! - 1;
        if (known === Kind.Break || known === Kind.Space || known === Kind.Period) break;
      }
      const width = cp > 0xffff ? 2 : 1;
      const f = foldChar(String.fromCodePoint(cp));
      const k = kindOfFolded(f);
      if (cp < 0x3000) CHAR_KIND[cp] = k + 1;
      // Only a non-ASCII character the token takes in clears its ASCII flag ("Part" before an em
      // dash stays ASCII), so more tokens are compared byte by byte on a hit.
      if (k === Kind.Word || (f === '' && i + width < n)) {
        ascii = 0;
        for (let j = 0; j < f.length; j++) {
          const fc = f.charCodeAt(j);
          h = (Math.imul(h, 31) + fc) | 0;
        }
        len += f.length;
        i += width;
        continue;
      }
      if (f === "'" && len > 0 && i + width < n && isWordAt(text, i + width)) {
        ascii = 0;
        hBeforeApos = h;
        lenBeforeApos = len;
        aposAt = i;
        h = (Math.imul(h, 31) + APOSTROPHE) | 0;
        len++;
        i += width;
        continue;
      }
      break;
    }
    let end = i;
    // Possessives: Trotsky's, Trotsky’s -> trotsky.
    // The last apostrophe sits just before a final s or S (checked on the text, not per character).
    if (len > 2 && aposAt === i - 2 && (text.charCodeAt(i - 1) | 32) === LOWER_S) {
      h = hBeforeApos;
      len = lenBeforeApos;
      end = aposAt;
      // "Trotsky’s": the curly apostrophe cleared the ASCII flag, but it is not part of the token.
      // What is left may be plain ASCII, whose key is compared byte by byte (no foldKey on a hit).
      if (ascii === 0 && isAsciiRun(text, start, end)) ascii = ASCII_TOKEN;
    }
    const afterCjk = lastCjk && lastEnd === start;
    out.push(start, end, h, len, (pendingBreak || afterCjk ? BREAK_BEFORE : 0) | (pendingSentence ? SENTENCE_START : 0) | ascii);
    lastCjk = false;
    pendingBreak = false;
    pendingSentence = false;
    lastEnd = end;
    lastLength = len;
  }
  return out;
}

function isAsciiRun(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (text.charCodeAt(p) >= 128) return false;
  return true;
}

function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_KIND[c] === Kind.Word;
  if (isCjk(text.codePointAt(i)!)) return false;
  return kindOfFolded(foldChar(String.fromCodePoint(text.codePointAt(i)!))) === Kind.Word;
}
