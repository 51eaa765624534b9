/**
 * Sync's cryptography, all through Web Crypto (globalThis.crypto.subtle: extension pages, the
 * service worker and Node 20 alike); nothing hand-written.
 *   - Keys: PBKDF2-SHA-256 over the passphrase with a random 16-byte salt (kept on the server in the
 *     header, it is not secret) and PBKDF2_ITERATIONS rounds; 512 bits split into an AES-GCM key
 *     for the files and an HMAC-SHA-256 key for names. Both non-extractable.
 *   - Files: AES-256-GCM with a fresh random 12-byte IV each, the file's path as additional data (a
 *     file moved or swapped on the server fails to decrypt instead of being read as another).
 *   - Names: HMAC of what they stand for, so a folder name says nothing about the device it holds.
 *   - Key check: a known text encrypted under the key in the header; a wrong passphrase fails to
 *     decrypt it, and sync stops before anything is read or written.
 */
export const PBKDF2_ITERATIONS = 600_000;
const MAGIC = new Uint8Array([0x44, 0x52, 0x53, 0x01]); // "DRS" + format 1
const KEY_CHECK_TEXT = 'dramatis-sync-key-check-v1';

export interface SyncKeys {
  aes: CryptoKey;
  hmac: CryptoKey;
}

const subtle = () => globalThis.crypto.subtle;
const utf8 = new TextEncoder();

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Derives the file and name keys from the passphrase; about a third of a second at 600,000 rounds. */
export async function deriveKeys(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations = PBKDF2_ITERATIONS): Promise<SyncKeys> {
  const base = await subtle().importKey('raw', utf8.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 512));
  const [aes, hmac] = await Promise.all([
    subtle().importKey('raw', bits.slice(0, 32), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']),
    subtle().importKey('raw', bits.slice(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
  ]);
  bits.fill(0);
  return { aes, hmac };
}

/** MAGIC, IV, then the AES-GCM ciphertext with its tag; `label` (the file's path) is bound as additional data. */
export async function encrypt(keys: SyncKeys, plain: Uint8Array<ArrayBuffer>, label: string): Promise<Uint8Array<ArrayBuffer>> {
  const iv = randomBytes(12);
  const sealed = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(label) }, keys.aes, plain));
  const out = new Uint8Array(MAGIC.length + iv.length + sealed.length);
  out.set(MAGIC, 0);
  out.set(iv, MAGIC.length);
  out.set(sealed, MAGIC.length + iv.length);
  return out;
}

/** The plain bytes, or null when the file is not ours, damaged, moved, or sealed with another key. */
export async function decrypt(keys: SyncKeys, file: Uint8Array<ArrayBuffer>, label: string): Promise<Uint8Array<ArrayBuffer> | null> {
  if (file.length < MAGIC.length + 12 + 16 || MAGIC.some((b, i) => file[i] !== b)) return null;
  const iv = file.slice(MAGIC.length, MAGIC.length + 12);
  try {
    return new Uint8Array(
      await subtle().decrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(label) }, keys.aes, file.slice(MAGIC.length + 12)),
    );
  } catch {
    return null;
  }
}

/** A name derived from `what` that reveals nothing about it: 32 hex characters of its HMAC. */
export async function opaqueName(keys: SyncKeys, what: string): Promise<string> {
  const mac = new Uint8Array(await subtle().sign('HMAC', keys.hmac, utf8.encode(what)));
  return Array.from(mac.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function makeKeyCheck(keys: SyncKeys): Promise<string> {
  return toBase64(await encrypt(keys, utf8.encode(KEY_CHECK_TEXT), 'key-check'));
}

/** Whether these keys open the header's key check: false for a wrong passphrase. */
export async function keyCheckPasses(keys: SyncKeys, check: string): Promise<boolean> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromBase64(check);
  } catch {
    return false;
  }
  const plain = await decrypt(keys, bytes, 'key-check');
  return plain !== null && new TextDecoder().decode(plain) === KEY_CHECK_TEXT;
}
