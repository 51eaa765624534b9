import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergedMessages } from './locales';
import { ROOT } from './paths';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the extension strings', () => {
  const messages = mergedMessages();
  const code = sources(join(ROOT, 'src')).map((file) => [file, readFileSync(file, 'utf8')] as const);

  it('defines every key the code asks for with t() (and src/core with say())', () => {
    const missing: string[] = [];
    for (const [file, text] of code)
      for (const m of text.matchAll(/\b(?:t|say)\(\s*'([A-Za-z0-9_]+)'/g)) if (!messages[m[1]!]) missing.push(`${file}: ${m[1]}`);
    expect(missing).toEqual([]);
  });

  it('defines the _one and _other forms of every counted key', () => {
    const missing: string[] = [];
    for (const [file, text] of code)
      for (const m of text.matchAll(/\b(?:tCount|sayCount)\(\s*'([A-Za-z0-9_]+)'/g))
        for (const form of ['one', 'other']) if (!messages[`${m[1]}_${form}`]) missing.push(`${file}: ${m[1]}_${form}`);
    expect(missing).toEqual([]);
  });

  it('names every __MSG_ key of the manifest', () => {
    const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
    const keys = [...manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => !messages[k])).toEqual([]);
  });
});
