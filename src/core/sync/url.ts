/** The reader's server address, checked and normalized; and the one origin the browser is asked to allow. */

import { say } from '../text/say';

/** Why an address is refused: it is not a URL, or it would send the app password in clear over a network. */
export class ServerUrlError extends Error {
  readonly code = 'bad-url';
}

/** The address as a folder URL ending in "/": https, or http on this computer only. */
export function normalizeServerUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new ServerUrlError(say('syncUrlNotUrl'));
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new ServerUrlError(say('syncUrlNotHttps'));
  if (url.username || url.password) throw new ServerUrlError(say('syncUrlCredentials'));
  url.hash = '';
  url.search = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** The match pattern for that one server, e.g. "https://cloud.example.org/*" (patterns match any port). */
export function originPattern(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
