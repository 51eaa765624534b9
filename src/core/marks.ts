/**
 * Which mentions on a page are marked, under the reader's density and kinds: pure, so the content
 * script and the tests share one rule. Mentions are offered in reading order; a mention is marked
 * when its kind is on and, for the "first" densities, no earlier mention of the same entity (or the
 * same ambiguous form) was marked in its block, or on the page.
 * Cost: O(1) per mention (a Set lookup), so a page's worth of mentions is re-selected in one pass.
 */
import type { EntityType } from './dataset/types';
import type { Density, Settings } from './protocol/messages';

export interface MarkCandidate {
  /** The linked entity; absent while ambiguous. */
  id?: string;
  /** The form's key: ambiguous mentions of one form count as one name. */
  key?: string;
  /** Its entity's type; for an ambiguous mention, the types of its candidates. */
  types: readonly EntityType[];
  /** Any value identifying its block (paragraph, heading, list item): the unit of 'block' density. */
  block: unknown;
}

export type MarkRules = Pick<Settings, 'density' | 'kinds'>;

/** Whether any of a mention's types is switched on (an ambiguous name shows while one of its candidates could). */
export const kindShown = (kinds: Settings['kinds'], types: readonly EntityType[]): boolean =>
  types.length === 0 || types.some((t) => kinds[t] !== false);

/** The name a mention counts as for the "first mention" densities. */
const nameOf = (m: MarkCandidate): string => (m.id !== undefined ? `id:${m.id}` : `form:${m.key ?? ''}`);

/**
 * Decides mention after mention in reading order, remembering what it marked. A new selector (or
 * reset) starts the page afresh, as after the settings change.
 */
export class MarkSelector {
  private readonly onPage = new Set<string>();
  private readonly inBlock = new Map<unknown, Set<string>>();

  constructor(private readonly rules: MarkRules) {}

  /**
   * Whether this mention is marked. With density 'modifier' the answer is for while the key is
   * held: every mention of a shown kind (nothing is marked while it is up, which the caller knows).
   */
  marks(m: MarkCandidate): boolean {
    if (!kindShown(this.rules.kinds, m.types)) return false;
    const density: Density = this.rules.density;
    if (density === 'every' || density === 'modifier') return true;
    const name = nameOf(m);
    if (density === 'page') {
      if (this.onPage.has(name)) return false;
      this.onPage.add(name);
      return true;
    }
    let seen = this.inBlock.get(m.block);
    if (!seen) this.inBlock.set(m.block, (seen = new Set()));
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  }
}

/** Which of these mentions (in reading order) are marked: one boolean each. */
export function selectMarks(mentions: readonly MarkCandidate[], rules: MarkRules): boolean[] {
  const selector = new MarkSelector(rules);
  return mentions.map((m) => selector.marks(m));
}
