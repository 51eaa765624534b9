/** The CLIs' input file: its text, or undefined after saying on stderr why it could not be read (the caller exits 2). */
import { readFileSync } from 'node:fs';

export function readInput(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    console.error(`cannot read ${file}: ${(err as Error).message}`);
    return undefined;
  }
}
