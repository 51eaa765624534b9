/**
 * The extension's strings live beside the code that shows them, one `messages.en.json` per folder
 * under src/ (Chrome's messages format). The build merges them into `_locales/en/messages.json`;
 * merging fragments instead of one shared file lets parts of the UI grow without editing each
 * other's files. A key defined twice, or a key the browser would reject, fails the build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './paths';

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, MessageEntry>;

/** Chrome accepts ASCII letters, digits, `_` and `@` in message names. */
const KEY = /^[A-Za-z0-9_]+$/;
export const FRAGMENT_NAME = 'messages.en.json';

function fragmentsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return fragmentsUnder(path);
    return name === FRAGMENT_NAME ? [path] : [];
  });
}

/** Every fragment under src/, merged; throws naming the files on a duplicate or malformed key. */
export function mergedMessages(root = ROOT): Messages {
  const merged: Messages = {};
  const from: Record<string, string> = {};
  for (const file of fragmentsUnder(join(root, 'src')).sort()) {
    const where = relative(root, file);
    const data = JSON.parse(readFileSync(file, 'utf8')) as Messages;
    for (const [key, entry] of Object.entries(data)) {
      if (!KEY.test(key)) throw new Error(`${where}: message name "${key}" may use only letters, digits and _`);
      const lower = key.toLowerCase(); // the browser treats message names case-insensitively
      if (from[lower]) throw new Error(`message "${key}" is defined in both ${from[lower]} and ${where}`);
      if (typeof entry?.message !== 'string') throw new Error(`${where}: message "${key}" has no "message" string`);
      from[lower] = where;
      merged[key] = entry;
    }
  }
  return merged;
}
