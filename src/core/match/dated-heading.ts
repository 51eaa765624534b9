/**
 * A dated heading names a battle: a numbered section or a line that opens with a place and a year
 * ("151. Oriskany, 1777.—", "3) Hastings (1066)", "Zama, 202 BC") is about the battle of that place
 * in that year, when the dataset has one dated so ("Battle of Oriskany", 1777). The heading's shape
 * is required, so a letter's dateline or "born in Saratoga, 1777" in running text stays the place.
 * This page pass is the one rule for such headings: it replaces whatever was decided on the same
 * words. Cost: a look at the first few tokens of each block and at most two table probes per heading.
 */
import { yearOf } from '../dates';
import type { TokenScan } from '../text/scan';
import type { Matcher } from './matcher';
import type { Mention } from './mention';
import type { ScannedBlock } from './misspellings';
import { isCapitalised } from './name-shape';
import { encodeWhy, WHY } from './why';

/** The longest place name read before the comma, in words. */
const MAX_PLACE_WORDS = 3;

export function datedHeadings(blocks: readonly ScannedBlock[], matcher: Matcher): Mention[] {
  const out: Mention[] = [];
  blocks.forEach(({ text, tokens }, b) => {
    for (let t = 0; t < tokens.count; t++) {
      if (!opensLine(text, tokens.starts[t]!, t === 0 ? 0 : tokens.ends[t - 1]!)) continue;
      const found = headingAt(text, tokens, t, matcher);
      if (found) out.push({ block: b, ...found });
    }
  });
  return out;
}

/** Token starting at `start` is the first of its line: only blanks between the line's start and it, and no token (the last ended at `from`). */
function opensLine(text: string, start: number, from: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return lineStart >= from && text.slice(lineStart, start).trim() === '';
}

/** The battle a heading opening at token `line` names ("151. Oriskany, 1777."), with the place's span. */
function headingAt(text: string, tokens: TokenScan, line: number, matcher: Matcher): Omit<Mention, 'block'> | undefined {
  // An optional item number ("151.", "3)") opens the line.
  let first = line;
  if (
    /^\d+$/.test(tokens.key(line)) &&
    line + 1 < tokens.count &&
    /^[.)]\s+$/.test(text.slice(tokens.ends[line]!, tokens.starts[line + 1]!))
  )
    first = line + 1;
  for (let year = first + 1; year <= first + MAX_PLACE_WORDS && year < tokens.count; year++) {
    const key = tokens.key(year);
    if (!/^\d{3,4}$/.test(key)) continue;
    // "Place, 1777" or "Place (1777)".
    const between = text.slice(tokens.ends[year - 1]!, tokens.starts[year]!);
    const bracketed = /^\s*\(\s*$/.test(between);
    if (!bracketed && !/^,\s*$/.test(between)) return undefined;
    // "202 BC": the era word is part of the year.
    let last = year;
    if (
      year + 1 < tokens.count &&
      /^bce?$/.test(tokens.key(year + 1)) &&
      /^ +$/.test(text.slice(tokens.ends[year]!, tokens.starts[year + 1]!))
    )
      last = year + 1;
    // The heading ends at the year: the block ends, or a stop, dash, colon or bracket follows.
    let end = tokens.ends[last]!;
    if (bracketed) {
      if (text[end] !== ')') return undefined;
      end++;
    }
    const after = text.slice(end, end + 1);
    if (after !== '' && !/[.:;—–)\]\n]/.test(after)) return undefined;
    const words: string[] = [];
    for (let t = first; t < year; t++) {
      if (!isCapitalised(text, tokens, t) || (t > first && !/^ +$/.test(text.slice(tokens.ends[t - 1]!, tokens.starts[t]!))))
        return undefined;
      words.push(tokens.key(t));
    }
    const battle = battleOf(words.join(' '), last > year ? -Number(key) : Number(key), matcher);
    // The card's reason is the year that names it (the era code, with the heading's year).
    return battle === undefined
      ? undefined
      : { start: tokens.starts[first]!, end: tokens.ends[year - 1]!, id: battle, why: encodeWhy(WHY.era, Number(key)) };
  }
  return undefined;
}

/** The one event named "Battle of PLACE" or "Battles of PLACE" that began in `year`, if exactly one. */
function battleOf(place: string, year: number, matcher: Matcher): string | undefined {
  const found = new Set<string>();
  for (const key of [`battle of ${place}`, `battles of ${place}`]) {
    const entries = matcher.lookup(key) ?? [];
    for (let k = 0; k < entries.length; k += 2) {
      const e = matcher.entity(entries[k]!);
      if (e.type === 'event' && yearOf(e.start) === year) found.add(matcher.idOf(entries[k]!));
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** `mentions` with the dated headings' battles in place of whatever was decided on the same words. */
export function withDatedHeadings(mentions: Mention[], blocks: readonly ScannedBlock[], matcher: Matcher): Mention[] {
  const meets = (a: Mention, b: Mention) => a.block === b.block && a.start < b.end && b.start < a.end;
  // The reader's corrections outrank the heading's shape.
  const corrected = mentions.filter((m) => m.why === encodeWhy(WHY.correction));
  const dated = datedHeadings(blocks, matcher).filter((d) => !corrected.some((m) => meets(m, d)));
  if (dated.length === 0) return mentions;
  return [...mentions.filter((m) => !dated.some((d) => meets(d, m))), ...dated];
}
