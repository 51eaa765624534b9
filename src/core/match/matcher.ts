/**
 * The matcher: finds every known surface form in a block of text, leftmost-longest, token by token.
 * Lookup is a hash probe per token plus one per extension while the running key is a known prefix,
 * so cost is O(tokens) whatever the number of names (measured in docs/PERFORMANCE.md).
 */
import type { CompiledIndex } from '../index/format';
import { tokenize, type Token } from '../text/tokens';

/** A surface form found in the text, before any decision about which entity it names. */
export interface Candidate {
  /** Offsets into the block's text. */
  start: number;
  end: number;
  /** Index of the first and one past the last token of the match. */
  firstToken: number;
  endToken: number;
  key: string;
  /** Flat pairs [entityIndex, flags, ...] from the index. */
  entries: readonly number[];
}

export class Matcher {
  readonly index: CompiledIndex;
  private readonly forms: Map<string, readonly number[]>;
  /** Every proper token-prefix of a multi-token key ("j", "j edgar" for "j edgar hoover"). */
  private readonly prefixes: Set<string>;

  /** Entity index by id. */
  readonly entityIndexById: ReadonlyMap<string, number>;
  private readonly related: number[][];

  constructor(index: CompiledIndex) {
    this.index = index;
    this.entityIndexById = new Map(index.entities.map((e, i) => [e.id, i]));
    // Relations both ways round: "Reiss friend_of Krivitsky" also relates Krivitsky to Reiss.
    this.related = index.entities.map(() => []);
    index.entities.forEach((e, i) => {
      for (const r of e.related ?? []) {
        const j = this.entityIndexById.get(r.id);
        if (j === undefined) continue;
        this.related[i]!.push(j);
        this.related[j]!.push(i);
      }
    });
    this.forms = new Map(Object.entries(index.forms));
    this.prefixes = new Set();
    for (const key of this.forms.keys()) {
      let at = key.indexOf(' ');
      while (at !== -1) {
        this.prefixes.add(key.slice(0, at));
        at = key.indexOf(' ', at + 1);
      }
    }
  }

  /** Entities related to this one, in either direction. */
  neighbours(entity: number): readonly number[] {
    return this.related[entity] ?? [];
  }

  /** Entries for a key, or undefined. */
  lookup(key: string): readonly number[] | undefined {
    return this.forms.get(key);
  }

  /** All candidates in one block's tokens, non-overlapping, leftmost-longest. */
  candidates(text: string, tokens: readonly Token[] = tokenize(text)): Candidate[] {
    const out: Candidate[] = [];
    const n = tokens.length;
    let i = 0;
    while (i < n) {
      const first = tokens[i]!;
      let key = first.key;
      let bestEnd = -1;
      let bestKey = '';
      let bestEntries: readonly number[] | undefined = this.forms.get(key);
      if (bestEntries) {
        bestEnd = i + 1;
        bestKey = key;
      }
      for (let j = i + 1; j < n && this.prefixes.has(key); j++) {
        const t = tokens[j]!;
        if (t.breakBefore) break;
        key = key + ' ' + t.key;
        const entries = this.forms.get(key);
        if (entries) {
          bestEnd = j + 1;
          bestKey = key;
          bestEntries = entries;
        }
      }
      if (bestEnd === -1) {
        i++;
        continue;
      }
      out.push({ start: first.start, end: tokens[bestEnd - 1]!.end, firstToken: i, endToken: bestEnd, key: bestKey, entries: bestEntries! });
      i = bestEnd;
    }
    return out;
  }
}
