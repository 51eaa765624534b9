/**
 * FROZEN: Matcher.candidates as it was on main at 9f0b43c (src/core/match/matcher.ts), plus the one
 * meaning change of the same session marked below, over the old
 * scan (./scan-9f0b43c), kept as the reference the faster matcher must agree with, candidate for
 * candidate (test/quality/matcher-equivalence.test.ts). One layer (the shipped index) only.
 * It reads the table through BinaryIndex's public methods as 9f0b43c did (find, slotFlags, keyAt,
 * entriesOf, key), so what it freezes is the scan, the probe sequence and the walk; the faster
 * matcher probes the table's arrays itself.
 */
import { SLOT_KEY, SLOT_PREFIX, type BinaryIndex } from '../../../src/core/index/binary';
import type { Candidate } from '../../../src/core/match/matcher';
import { BREAK_BEFORE, joinHash, scan, type TokenScan } from './scan-9f0b43c';

function longestAt(index: BinaryIndex, tokens: TokenScan, i: number): { key: number; end: number } | undefined {
  const { hashes, lengths, breaks } = tokens;
  const n = tokens.count;
  let h = hashes[i]!;
  let slot = index.find(h);
  if (slot === -1) return undefined;
  let best: { key: number; end: number } | undefined;
  let j = i + 1;
  for (;;) {
    const flags = index.slotFlags(slot);
    if (flags & SLOT_KEY) {
      // The frozen scan has the same fields keyAt reads (text, starts, ends, isAscii, key).
      const k = index.keyAt(slot, tokens as unknown as Parameters<BinaryIndex['keyAt']>[1], i, j);
      if (k !== -1) best = { key: k, end: j };
    }
    if (!(flags & SLOT_PREFIX) || j >= n || (breaks[j]! & BREAK_BEFORE) !== 0) break;
    h = joinHash(h, hashes[j]!, lengths[j]!);
    slot = index.find(h);
    if (slot === -1) break;
    j++;
  }
  return best;
}

/** All candidates in one block, non-overlapping, leftmost-longest: the 9f0b43c algorithm. */
export function referenceCandidates(index: BinaryIndex, text: string): Candidate[] {
  const tokens = scan(text);
  const out: Candidate[] = [];
  const n = tokens.count;
  const { lengths, starts, ends } = tokens;
  let i = 0;
  while (i < n) {
    let hit = longestAt(index, tokens, i);
    if (!hit) {
      i++;
      continue;
    }
    let first = i;
    if (hit.end - i >= 2 && lengths[i] === 3 && text.charCodeAt(starts[i]!) === 116 && tokens.key(i) === 'the') {
      first = i + 1;
      // Not in 9f0b43c: the one meaning change made beside the faster matcher (session 5, the precision
      // work), "the Congo River" not hidden by "the Congo", copied here so this stays a pure-speed check.
      const after = longestAt(index, tokens, first);
      if (after && after.end > hit.end) hit = after;
    }
    out.push({
      start: starts[first]!,
      end: ends[hit.end - 1]!,
      firstToken: first,
      endToken: hit.end,
      key: index.key(hit.key),
      entries: index.entriesOf(hit.key),
    });
    i = hit.end;
  }
  return out;
}
