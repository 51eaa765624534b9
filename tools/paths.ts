/** Every path the build, the CLIs, the benchmarks and the tests use, defined once. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
export const DIST = join(ROOT, 'dist');
export const DIST_CHROME = join(DIST, 'chrome');
export const DIST_FIREFOX = join(DIST, 'firefox');
export const OUT_DIR = join(ROOT, 'out');
export const BENCH_DIR = join(OUT_DIR, 'bench');
export const DOCS_DIR = join(ROOT, 'docs');
/** The test-only probe extension that reads the closed shadow root as assistive technology can. */
export const PROBE_DIR = join(ROOT, 'tools', 'browser', 'probe');
export const DEMO_DIR = join(ROOT, 'assets', 'demo');
/** DRAMATIS_DATA_DIR points the CLI and build at another folder of source files (for experiments). */
export const DATA_DIR = process.env.DRAMATIS_DATA_DIR ?? join(ROOT, 'assets', 'data');
export const FIXTURES_DIR = join(ROOT, 'test', 'e2e', 'fixtures');
/** Fixtures of the unit tests: a small dataset, a v1 database, notes and their expected exports. */
export const TEST_FIXTURES_DIR = join(ROOT, 'test', 'fixtures');
/** ../shared beside the checkout: material for developers and CI, absent on users' machines. */
export const SHARED_DIR = join(ROOT, '..', 'shared');
export const SHARED_PAGES = join(SHARED_DIR, 'pages');
export const SHARED_REFERENCE = join(SHARED_DIR, 'reference');
export const REAL_POST = 'trotsky-in-mexico-part-2g.html';
export const hasSharedPages = (): boolean => existsSync(join(SHARED_PAGES, REAL_POST));
export const SHARED_MISSING = `../shared/pages/${REAL_POST} is absent (it exists beside the repo for developers and CI only)`;
/**
 * In CI (CI=true) ../shared must be there: a missing one is a failure, not a skip, so a quality gate
 * never passes by reading nothing. Elsewhere (a user's clone) it is skipped with a message.
 */
export const sharedRequired = (): boolean => process.env.CI === 'true';
