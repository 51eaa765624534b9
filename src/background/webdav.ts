/**
 * The WebDAV client sync uses: plain fetch with the five methods it needs (PROPFIND, GET, PUT,
 * MKCOL, DELETE) and a tolerant reader of PROPFIND's multistatus answer. A library would bring
 * XML parsing through DOMParser (absent in service workers) or Node polyfills for a handful of
 * requests; this file is the whole protocol surface and every failure is named (WebDavError.code).
 * Requests go only to URLs under the configured server URL, never with cookies.
 */
import type { Remote } from '../core/sync/engine';
import { normalizeServerUrl as normalize, ServerUrlError } from '../core/sync/url';

export { originPattern } from '../core/sync/url';

export type WebDavErrorCode = 'unreachable' | 'credentials' | 'not-webdav' | 'no-space' | 'forbidden' | 'server' | 'bad-url';

export class WebDavError extends Error {
  constructor(
    readonly code: WebDavErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'WebDavError';
  }
}

export interface WebDavConfig {
  /** The folder URL the reader gave (e.g. Nextcloud's …/remote.php/dav/files/USER/). */
  url: string;
  user: string;
  password: string;
}

/** The address as a folder URL, or a WebDavError('bad-url'). */
export function normalizeServerUrl(input: string): string {
  try {
    return normalize(input);
  } catch (err) {
    if (err instanceof ServerUrlError) throw new WebDavError('bad-url', err.message);
    throw err;
  }
}

/** The folder inside the reader's URL that holds everything sync writes. */
export const SYNC_FOLDER = 'Dramatis-sync/';

function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return `Basic ${btoa(s)}`;
}

const encodePath = (path: string) =>
  path
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');

function statusError(status: number, action: string): WebDavError {
  if (status === 401) return new WebDavError('credentials', 'The server refused the user name or app password.', status);
  if (status === 507) return new WebDavError('no-space', 'The server has no space left for the sync folder.', status);
  if (status === 403) return new WebDavError('forbidden', 'The server does not let this account write into that folder.', status);
  return new WebDavError('server', `The server answered ${status} to ${action}.`, status);
}

/** The entries of a multistatus answer: decoded path and whether it is a folder. */
export function parseMultistatus(xml: string): { path: string; folder: boolean }[] | null {
  if (!/<([\w-]+:)?multistatus[\s>]/.test(xml)) return null;
  const out: { path: string; folder: boolean }[] = [];
  for (const chunk of xml.split(/<(?:[\w-]+:)?response[\s>]/).slice(1)) {
    const href = /<(?:[\w-]+:)?href[^>]*>([^<]*)<\/(?:[\w-]+:)?href>/.exec(chunk)?.[1];
    if (href === undefined) continue;
    const raw = href
      .trim()
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'");
    let path: string;
    try {
      path = decodeURIComponent(new URL(raw, 'http://x').pathname);
    } catch {
      continue;
    }
    out.push({ path, folder: /<(?:[\w-]+:)?collection[\s/>]/.test(chunk) || path.endsWith('/') });
  }
  return out;
}

/** A Remote rooted at the sync folder inside the reader's URL. */
export function webDavRemote(config: WebDavConfig, fetchImpl?: typeof fetch): Remote & { root: string; probe(): Promise<void> } {
  return davFolder(new URL(SYNC_FOLDER, normalizeServerUrl(config.url)).href, config, fetchImpl);
}

function davFolder(
  root: string,
  config: WebDavConfig,
  fetchImpl: typeof fetch = (...a) => globalThis.fetch(...a),
): Remote & { root: string; probe(): Promise<void> } {
  const auth = basicAuth(config.user, config.password);

  async function request(method: string, path: string, init: { body?: Uint8Array<ArrayBuffer>; depth?: string } = {}): Promise<Response> {
    const url = new URL(encodePath(path), root).href;
    if (!url.startsWith(root)) throw new WebDavError('bad-url', 'Refused a path outside the sync folder.');
    const headers: Record<string, string> = { authorization: auth };
    if (init.depth !== undefined) headers.depth = init.depth;
    if (method === 'PROPFIND') headers['content-type'] = 'application/xml; charset=utf-8';
    if (init.body) headers['content-type'] = 'application/octet-stream';
    try {
      return await fetchImpl(url, {
        method,
        headers,
        body:
          method === 'PROPFIND'
            ? '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>'
            : init.body,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
      });
    } catch (err) {
      throw new WebDavError('unreachable', `The server could not be reached (${err instanceof Error ? err.message : String(err)}).`);
    }
  }

  const rootPath = new URL(root).pathname;
  return {
    root,
    async get(path) {
      const res = await request('GET', path);
      if (res.status === 404) return null;
      if (!res.ok) throw statusError(res.status, 'a download');
      return new Uint8Array(await res.arrayBuffer());
    },
    async put(path, bytes) {
      const res = await request('PUT', path, { body: bytes });
      if (!res.ok) throw statusError(res.status, 'an upload');
    },
    /** PROPFIND with depth 0 on the folder itself: it exists and speaks WebDAV, or a WebDavError says why not. */
    async probe() {
      const res = await request('PROPFIND', '', { depth: '0' });
      if (res.status === 404) throw new WebDavError('not-webdav', 'There is no WebDAV folder at that address (it answered 404).', 404);
      if (res.status === 405 || res.status === 501 || res.status === 400)
        throw new WebDavError('not-webdav', 'The server does not speak WebDAV at that address.', res.status);
      if (res.ok && res.status !== 207)
        throw new WebDavError('not-webdav', 'The address answers like a web page, not a WebDAV folder.', res.status);
      if (res.status !== 207) throw statusError(res.status, 'a folder listing');
      if (!parseMultistatus(await res.text())) throw new WebDavError('not-webdav', 'The server’s answer is not WebDAV (no multistatus).');
    },
    async list(path) {
      const res = await request('PROPFIND', path, { depth: '1' });
      if (res.status === 404) return null;
      if (res.status !== 207) {
        if (res.status === 405 || res.status === 501)
          throw new WebDavError('not-webdav', 'The server does not speak WebDAV at that address.', res.status);
        throw statusError(res.status, 'a folder listing');
      }
      const entries = parseMultistatus(await res.text());
      if (!entries) throw new WebDavError('not-webdav', 'The server’s answer to a folder listing is not WebDAV.');
      const self = rootPath + path;
      return entries
        .filter((e) => e.path.replace(/\/$/, '') !== self.replace(/\/$/, '') && e.path.startsWith(self))
        .map((e) => {
          const name = e.path.slice(self.length).replace(/\/$/, '');
          return e.folder ? `${name}/` : name;
        })
        .filter((n) => n.length > 0 && !n.slice(0, -1).includes('/'));
    },
    async mkcol(path) {
      const res = await request('MKCOL', path);
      // 405: it exists already (RFC 4918 9.3.1).
      if (!res.ok && res.status !== 405) throw statusError(res.status, 'creating a folder');
    },
    async remove(path) {
      const res = await request('DELETE', path);
      if (!res.ok && res.status !== 404) throw statusError(res.status, 'a deletion');
    },
  };
}

/**
 * What "Test connection" checks, in order: the address answers; the credentials are accepted; it
 * speaks WebDAV (a multistatus answer to PROPFIND); the sync folder can be created and written (a
 * small file is written and deleted again). Throws the first WebDavError met.
 */
export async function testConnection(config: WebDavConfig, fetchImpl?: typeof fetch): Promise<void> {
  await davFolder(normalizeServerUrl(config.url), config, fetchImpl).probe();
  const folder = webDavRemote(config, fetchImpl);
  await folder.mkcol('');
  const name = `.write-test-${Math.random().toString(36).slice(2)}`;
  await folder.put(name, new TextEncoder().encode('Dramatis checks that it can write here; this file is deleted at once.'));
  await folder.remove(name);
}
