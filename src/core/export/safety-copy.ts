/**
 * The safety copy's packing: a backup file's text, gzip-compressed (fflate) and base64-encoded so
 * it can live in storage.local (which stores JSON in Chromium), cut in parts of at most partChars.
 */
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';

export function packSafetyCopy(text: string, partChars: number): string[] {
  const bytes = gzipSync(strToU8(text), { level: 4, mtime: 0 });
  let binary = '';
  // In slices: String.fromCharCode with a whole large array overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const packed = btoa(binary);
  const parts: string[] = [];
  for (let i = 0; i < packed.length || parts.length === 0; i += partChars) parts.push(packed.slice(i, i + partChars));
  return parts;
}

/** The backup file text from the parts, in order. */
export function unpackSafetyCopy(parts: string[]): string {
  const binary = atob(parts.join(''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return strFromU8(gunzipSync(bytes));
}
