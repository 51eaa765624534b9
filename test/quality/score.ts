/**
 * Scores detection against hand-labelled gold (format in ./README.md): recall on notable entities,
 * precision, wrong links, and the tricky mentions, with a readable report of every miss.
 */
import type { CliMention } from '../../tools/dataset/detect-file';

export interface Gold {
  page: string;
  entities: Record<string, { notable: boolean; surfaces: string[] }>;
  tricky: { context: string; surface: string; expect: string | null }[];
  unlabelled?: string[];
  missing?: unknown[];
}

interface Span {
  start: number;
  end: number;
}
interface GoldMention extends Span {
  id: string | null;
  notable: boolean;
  tricky: boolean;
  label: string;
}

export interface Report {
  goldMentions: number;
  notableMentions: number;
  notableFound: number;
  recall: number;
  detectedLinked: number;
  correct: number;
  precision: number;
  wrongLinks: string[];
  falsePositives: string[];
  misses: string[];
  trickyWrong: string[];
  trickyMissed: string[];
  gaps: string[];
  /** Tricky entries, and those resolved exactly as expected (the expected link and no other; no link when null). */
  trickyTotal: number;
  trickyRight: number;
  /**
   * Every gold mention (tricky ones included) not linked to its id, for tallies of misses by id; quiet:
   * nothing at all was detected there (no link, no ambiguous candidates).
   */
  missed: { id: string; notable: boolean; tricky: boolean; ambiguous: boolean; quiet: boolean; start: number; end: number }[];
}

export interface ScoreOptions {
  /**
   * A linked mention inside an unlabelled snippet counts as correct (true, the default and the rule of
   * ./README.md) or is left out of precision altogether (false).
   */
  unlabelledCorrect?: boolean;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + needle.length])) out.push(at);
  }
  return out;
}

/**
 * Where a snippet of gold occurs: as it is, or else with every run of whitespace in it matching any run
 * of whitespace in the text (a context copied with a line break, or across one).
 */
function findSnippet(text: string, snippet: string, wholeWord: boolean): Span[] {
  const exact = wholeWord ? occurrences(text, snippet) : [];
  if (!wholeWord) for (let at = text.indexOf(snippet); at !== -1; at = text.indexOf(snippet, at + 1)) exact.push(at);
  if (exact.length > 0) return exact.map((at) => ({ start: at, end: at + snippet.length }));
  const parts = snippet
    .trim()
    .split(/\s+/)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (parts.length < 2) return [];
  const out: Span[] = [];
  for (const m of text.matchAll(new RegExp(parts.join('\\s+'), 'gu'))) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (!wholeWord || (!isWordChar(text[span.start - 1]) && !isWordChar(text[span.end]))) out.push(span);
  }
  return out;
}

/** Gold problems (a context that is not in the text, or not unique) throw: the gold must be fixed. */
export function goldMentions(text: string, gold: Gold): { mentions: GoldMention[]; unlabelled: Span[] } {
  const unlabelled: Span[] = [];
  for (const snippet of gold.unlabelled ?? []) {
    const at = findSnippet(text, snippet, true);
    if (at.length === 0) throw new Error(`gold: unlabelled snippet not found: "${snippet}"`);
    unlabelled.push(...at);
  }
  const tricky: GoldMention[] = gold.tricky.map((t) => {
    const found = findSnippet(text, t.context, false);
    if (found.length === 0) throw new Error(`gold: tricky context not found: "${t.context}"`);
    if (found.length > 1) throw new Error(`gold: tricky context is not unique: "${t.context}"`);
    const at = found[0]!.start;
    const inner = occurrences(text.slice(at, found[0]!.end), t.surface);
    if (inner.length !== 1) throw new Error(`gold: surface "${t.surface}" must occur once as a word in "${t.context}"`);
    const start = at + inner[0]!;
    const notable = t.expect !== null && (gold.entities[t.expect]?.notable ?? false);
    return { start, end: start + t.surface.length, id: t.expect, notable, tricky: true, label: `tricky "${t.context}"` };
  });
  const taken: Span[] = [...tricky, ...unlabelled];
  const bySurface: { surface: string; id: string; notable: boolean }[] = [];
  for (const [id, e] of Object.entries(gold.entities))
    for (const surface of e.surfaces) bySurface.push({ surface, id, notable: e.notable });
  bySurface.sort((a, b) => b.surface.length - a.surface.length);
  const mentions: GoldMention[] = [...tricky];
  for (const { surface, id, notable } of bySurface) {
    for (const at of occurrences(text, surface)) {
      const span = { start: at, end: at + surface.length };
      if (taken.some((t) => overlaps(t, span))) continue;
      taken.push(span);
      mentions.push({ ...span, id, notable, tricky: false, label: `"${surface}"` });
    }
  }
  return { mentions: mentions.sort((a, b) => a.start - b.start), unlabelled };
}

export function score(text: string, detected: CliMention[], gold: Gold, options: ScoreOptions = {}): Report {
  const unlabelledCorrect = options.unlabelledCorrect ?? true;
  const { mentions, unlabelled } = goldMentions(text, gold);
  const where = (s: Span) => {
    const line = text.slice(Math.max(0, s.start - 30), s.end + 30).replace(/\s+/g, ' ');
    return `@${s.start} …${line}…`;
  };
  const report: Report = {
    goldMentions: mentions.filter((m) => m.id !== null).length,
    notableMentions: 0,
    notableFound: 0,
    recall: 0,
    detectedLinked: 0,
    correct: 0,
    precision: 0,
    wrongLinks: [],
    falsePositives: [],
    misses: [],
    trickyWrong: [],
    trickyMissed: [],
    gaps: [],
    trickyTotal: 0,
    trickyRight: 0,
    missed: [],
  };
  const used = new Set<CliMention>();
  for (const g of mentions) {
    const hits = detected.filter((d) => overlaps(d, g));
    for (const h of hits) used.add(h);
    const linked = hits.filter((h) => h.id);
    if (g.tricky) report.trickyTotal++;
    if (g.id === null) {
      if (g.tricky && linked.length === 0) report.trickyRight++;
      for (const h of linked) {
        report.falsePositives.push(`${h.id} for ${g.label} ${where(g)}`);
        if (g.tricky) report.trickyWrong.push(`${g.label}: expected no link, got ${h.id}`);
      }
      continue;
    }
    if (g.notable) report.notableMentions++;
    const right = linked.some((h) => h.id === g.id);
    const wrong = linked.filter((h) => h.id !== g.id);
    if (g.tricky && right && wrong.length === 0) report.trickyRight++;
    if (!right)
      report.missed.push({
        id: g.id,
        notable: g.notable,
        tricky: g.tricky,
        ambiguous: hits.some((h) => !h.id),
        quiet: hits.length === 0,
        start: g.start,
        end: g.end,
      });
    if (right) {
      if (g.notable) report.notableFound++;
      report.correct += linked.filter((h) => h.id === g.id).length;
    } else if (g.tricky) {
      report.trickyMissed.push(
        `${g.label}: expected ${g.id}, got ${hits.length ? hits.map((h) => h.id ?? `ambiguous(${h.candidates?.map((c) => c.id).join('|')})`).join(', ') : 'nothing'}`,
      );
    }
    for (const w of wrong) {
      report.wrongLinks.push(`${g.label} expected ${g.id}, got ${w.id} ${where(g)}`);
      if (g.tricky) report.trickyWrong.push(`${g.label}: expected ${g.id}, got ${w.id}`);
    }
    if (!right && !g.tricky) report.misses.push(`${g.id} ${g.label} ${hits.some((h) => !h.id) ? '(ambiguous) ' : ''}${where(g)}`);
  }
  for (const d of detected) {
    if (!d.id) continue;
    const inUnlabelled = !used.has(d) && unlabelled.some((u) => overlaps(u, d));
    if (inUnlabelled && !unlabelledCorrect) continue;
    report.detectedLinked++;
    if (used.has(d)) continue;
    if (inUnlabelled) {
      report.correct++;
      continue;
    }
    // A detected mention the gold does not cover: a false positive, unless the gold forgot a surface.
    const surface = text.slice(d.start, d.end);
    if (gold.entities[d.id]) report.gaps.push(`${d.id} "${surface}" ${where(d)}`);
    else report.falsePositives.push(`${d.id} "${surface}" ${where(d)}`);
  }
  report.recall = report.notableMentions === 0 ? 1 : report.notableFound / report.notableMentions;
  const judged = report.correct + report.wrongLinks.length + report.falsePositives.length;
  report.precision = judged === 0 ? 1 : report.correct / judged;
  return report;
}

export function formatReport(name: string, r: Report): string {
  const lines = [
    `quality: ${name}`,
    `  recall (notable mentions)   ${r.recall.toFixed(3)}  (${r.notableFound}/${r.notableMentions})`,
    `  precision                   ${r.precision.toFixed(3)}  (${r.correct} correct, ${r.wrongLinks.length} wrong links, ${r.falsePositives.length} false positives)`,
    `  tricky mentions wrong       ${r.trickyWrong.length}`,
  ];
  const list = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`  ${title} (${items.length}):`);
    for (const i of items) lines.push(`    - ${i}`);
  };
  list('tricky wrong', r.trickyWrong);
  list('wrong links', r.wrongLinks);
  list('false positives', r.falsePositives);
  list('misses', r.misses);
  list('tricky not linked (not counted as wrong)', r.trickyMissed);
  list('detected but not in gold surfaces (gold gaps, not counted)', r.gaps);
  return lines.join('\n');
}
