/**
 * An HTTP proxy on 127.0.0.1 that records every request a browser sends through it and forwards
 * plain-http ones (the test pages); https CONNECT tunnels are recorded and refused. Pointing a
 * browser at it with every host proxied (loopback included) shows what leaves the browser at all,
 * whichever part of it sent it: the way the Firefox no-network test watches the extension's
 * background, which WebDriver BiDi's network events do not cover.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';

export interface RecordingProxy {
  port: number;
  /** Every request so far: absolute URL for http, "CONNECT host:port" for https. */
  requests: string[];
  close(): Promise<void>;
}

export async function startRecordingProxy(): Promise<RecordingProxy> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '';
    requests.push(url);
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const upstream = httpRequest(
      { host: target.hostname, port: target.port || 80, path: target.pathname + target.search, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req, socket) => {
    requests.push(`CONNECT ${req.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Requests Firefox itself makes whatever extensions are installed (its Remote Settings service,
 * which puppeteer's profile does not switch off; pointing it elsewhere breaks add-on installs):
 * not the extension's, so the no-network test leaves them out by name.
 */
export const FIREFOX_OWN_REQUESTS = ['CONNECT firefox.settings.services.mozilla.com:443'];

/** Firefox preferences that send every request, loopback included, through the proxy. */
export function firefoxProxyPrefs(port: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
  };
}
