/**
 * npm test: lint (eslint), unit tests (vitest), a type check, a production build, web-ext lint on dist/firefox, then the
 * end-to-end tests in real Chromium and Firefox (Playwright runner). Ends with one line
 * "N passed, N failed, N skipped" summing every suite. Exit code 1 if anything failed.
 *   --e2e-only   skip the unit tests (the build and lint still run)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath, firefoxPath, INSTALL_HINT } from '../tools/browser/launch';
import { OUT_DIR, ROOT } from '../tools/paths';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const OUT = OUT_DIR;
mkdirSync(OUT, { recursive: true });

const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
/**
 * TypeScript 7 (the native compiler) type-checks; the `typescript` package stays on 5.9 because
 * typescript-eslint needs its compiler API, which TypeScript 7 does not ship.
 */
const TSC = join(ROOT, 'node_modules', 'typescript-7', 'bin', 'tsc');

function run(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  console.log(`\n=== ${title}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function unitTests(): void {
  const report = join(OUT, 'unit-results.json');
  rmSync(report, { force: true });
  const status = run('unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (!existsSync(report)) {
    console.error('vitest wrote no report: counting the unit suite as one failure');
    total.failed += 1;
    return;
  }
  const r = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  total.passed += r.numPassedTests;
  total.failed += r.numFailedTests + (status !== 0 && r.numFailedTests === 0 ? 1 : 0);
  total.skipped += r.numPendingTests + r.numTodoTests;
}

/** Build and lint count as one check each: they pass or they fail. */
function check(title: string, command: string, args: string[]): boolean {
  const ok = run(title, command, args) === 0;
  if (ok) total.passed += 1;
  else total.failed += 1;
  return ok;
}

function lintFirefox(): void {
  console.log('\n=== web-ext lint dist/firefox');
  const result = spawnSync(bin('web-ext'), ['lint', '--source-dir', 'dist/firefox', '--self-hosted', '--output', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  try {
    const report = JSON.parse(result.stdout) as {
      summary: { errors: number; warnings: number };
      errors: { code: string; message: string; file?: string }[];
      warnings: { code: string; message: string; file?: string }[];
    };
    for (const w of report.warnings) console.log(`  warning ${w.code}: ${w.message}${w.file ? ` (${w.file})` : ''}`);
    for (const e of report.errors) console.log(`  ERROR ${e.code}: ${e.message}${e.file ? ` (${e.file})` : ''}`);
    console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings`);
    if (report.summary.errors === 0) total.passed += 1;
    else total.failed += 1;
  } catch {
    console.error(`web-ext lint did not produce a report:\n${result.stdout}\n${result.stderr}`);
    total.failed += 1;
  }
}

function e2eTests(): void {
  const missing = [!chromiumPath() && INSTALL_HINT.chromium, !firefoxPath() && INSTALL_HINT.firefox].filter(Boolean);
  if (missing.length > 0) {
    for (const line of missing) console.error(`e2e: ${line}`);
    total.failed += 1;
    return;
  }
  const report = join(OUT, 'e2e-results.json');
  rmSync(report, { force: true });
  const status = run('end-to-end tests (Chromium and Firefox)', bin('playwright'), ['test']);
  if (!existsSync(report)) {
    console.error('playwright wrote no report: counting the e2e suite as one failure');
    total.failed += 1;
    return;
  }
  const r = JSON.parse(readFileSync(report, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  total.passed += r.stats.expected + r.stats.flaky;
  // A test that passed only when run again (CI retries once) is counted but never hidden.
  if (r.stats.flaky > 0) console.log(`\n${r.stats.flaky} end-to-end test(s) passed only on their retry (marked "flaky" in the list above)`);
  total.failed += r.stats.unexpected + (status !== 0 && r.stats.unexpected === 0 ? 1 : 0);
  total.skipped += r.stats.skipped;
}

const e2eOnly = process.argv.includes('--e2e-only');
if (!e2eOnly) {
  // The architecture's rules (pure core, shells apart, the UI bundle's boundary) are lint rules.
  check('lint (eslint, with the architecture rules)', bin('eslint'), ['.']);
  check('format (prettier --check; npm run format fixes it)', bin('prettier'), ['--check', '--log-level', 'warn', '**/*.{ts,tsx,js,mjs}']);
  unitTests();
}
if (
  check('typecheck (tsc --noEmit)', process.execPath, [TSC, '--noEmit', '-p', '.']) &&
  check('build (npm run build)', process.execPath, ['--import', 'tsx', 'scripts/build.ts'])
) {
  lintFirefox();
  e2eTests();
} else {
  total.failed += 1;
  console.error('e2e: not run, the build failed');
}
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed > 0 ? 1 : 0;
