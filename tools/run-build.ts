/** Runs the production build (scripts/build.ts) in a child process; start, bench and screenshots build first. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './paths';

/** The build's exit status: 0 when dist/ is fresh. Its output goes to this terminal. */
export function runBuild(): number {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build.ts')], { stdio: 'inherit', cwd: ROOT }).status ?? 1;
}
