/**
 * A static file server on 127.0.0.1 for the demo post, test fixtures and ../shared/pages.
 *   /demo/...     assets/demo
 *   /fixtures/... test/e2e/fixtures
 *   /shared/...   ../shared/pages (when present)
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { DEMO_DIR, FIXTURES_DIR, SHARED_PAGES } from './paths';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml',
};
const MOUNTS: Record<string, string> = { demo: DEMO_DIR, fixtures: FIXTURES_DIR, shared: SHARED_PAGES };

export interface StaticServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

export async function startServer(port = 0): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [, mount, ...rest] = path.split('/');
    const base = mount ? MOUNTS[mount] : undefined;
    const file = base ? normalize(join(base, ...rest)) : undefined;
    if (!base || !file || !(file + sep).startsWith(base + sep) && file !== base || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return {
    origin,
    url: (p) => `${origin}${p.startsWith('/') ? p : `/${p}`}`,
    close: () => new Promise((resolve) => {
      // Browsers keep connections alive; without this, close() waits for them to time out.
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
