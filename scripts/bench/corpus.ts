/**
 * The throughput corpus shared by `npm run bench` and the matcher A/B bench: the post's blocks
 * repeated to about 2 MB, optionally with one word in 40 replaced by a name (seeded, so every run
 * and every variant scans the very same text).
 */
import { prng } from './synthetic';

export function corpus(baseBlocks: string[], names: string[] = []): string[] {
  const rand = prng(7);
  const out: string[] = [];
  let size = 0;
  while (size < 2_000_000) {
    for (const b of baseBlocks) {
      let block = b;
      if (names.length > 0) {
        const words = b.split(' ');
        for (let w = 0; w < words.length; w += 40) words[w] = names[Math.floor(rand() * names.length)]!;
        block = words.join(' ');
      }
      out.push(block);
      size += block.length;
    }
  }
  return out;
}
