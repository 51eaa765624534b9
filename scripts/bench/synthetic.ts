/** A deterministic synthetic dataset of N invented people, for matcher benchmarks at scale. */
import type { Entity } from '../../src/core/dataset/types';

/** Mulberry32: a tiny seeded PRNG, so every run benchmarks the same names. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = [
  'b',
  'br',
  'd',
  'dr',
  'f',
  'g',
  'gr',
  'k',
  'kr',
  'l',
  'm',
  'n',
  'p',
  'pr',
  'r',
  's',
  'st',
  't',
  'tr',
  'v',
  'z',
  'zh',
  'sh',
  'ch',
  'h',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou', 'ya', 'yo'];
const CODAS = ['', 'n', 'r', 'l', 's', 'v', 'k', 'sky', 'ov', 'in', 'man', 'berg', 'ski', 'enko'];

function word(rand: () => number, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += ONSETS[Math.floor(rand() * ONSETS.length)]! + VOWELS[Math.floor(rand() * VOWELS.length)]!;
  w += CODAS[Math.floor(rand() * CODAS.length)]!;
  return w[0]!.toUpperCase() + w.slice(1);
}

/** N people with invented two-word names and one surname alias each. */
export function syntheticEntities(n: number, seed = 42): Entity[] {
  const rand = prng(seed);
  const out: Entity[] = [];
  const seen = new Set<string>();
  while (out.length < n) {
    const first = word(rand, 1 + Math.floor(rand() * 2));
    const last = word(rand, 2 + Math.floor(rand() * 2));
    const name = `${first} ${last}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const id = `synthetic-${out.length}`;
    out.push({
      id,
      type: 'person',
      name,
      aliases: [last],
      description: `Invented person number ${out.length} for benchmarks.`,
      wikipedia: id,
    });
  }
  return out;
}
