/** Where things are for the end-to-end tests and npm start. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const DIST_CHROME = join(ROOT, 'dist', 'chrome');
export const DIST_FIREFOX = join(ROOT, 'dist', 'firefox');
export const PROBE_DIR = join(ROOT, 'test', 'e2e', 'probe');
export const DEMO_DIR = join(ROOT, 'assets', 'demo');
export const FIXTURES_DIR = join(ROOT, 'test', 'e2e', 'fixtures');
export const BENCH_DIR = join(ROOT, 'out', 'bench');
/** ../shared beside the checkout: material for developers and CI, absent on users' machines. */
export const SHARED_PAGES = join(ROOT, '..', 'shared', 'pages');
export const REAL_POST = 'trotsky-in-mexico-part-2g.html';
export const hasSharedPages = (): boolean => existsSync(join(SHARED_PAGES, REAL_POST));
export const SHARED_MISSING = `../shared/pages/${REAL_POST} is absent (it exists beside the repo for developers and CI only)`;
