/**
 * A real WebDAV server for the sync tests and the benchmark: rclone's `serve webdav` (Debian package
 * `rclone`; .ci/run installs it when missing) over a fresh temporary folder, on 127.0.0.1 with a free
 * port, with a user name and password. `files()` lists what the server stores, for the tests that
 * grep it for note text; stop() and start() again keep the folder (a server going away mid-sync).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const RCLONE_HINT = 'rclone not found: install it with "sudo apt-get install -y rclone" (.ci/run does this in CI).';

export interface WebDavServer {
  /** The server's root URL, ending in "/". */
  url: string;
  user: string;
  password: string;
  /** The folder the server stores its files in. */
  dir: string;
  /** Every stored file: path relative to dir, and its bytes. */
  files(): { path: string; bytes: Buffer }[];
  /** Stops the process; the folder stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port and folder. */
  start(): Promise<void>;
  /** Stops it and deletes the folder. */
  close(): Promise<void>;
}

export function hasRclone(): boolean {
  return spawnSync('rclone', ['version'], { stdio: 'ignore' }).status === 0;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Resolves once the server answers HTTP; rejects with its output if it exits first or never answers. */
async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`rclone serve webdav exited (${child.exitCode}): ${output()}`);
    try {
      await fetch(url, { method: 'OPTIONS' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`rclone serve webdav did not answer on ${url}: ${output()}`);
}

function filesUnder(dir: string, root = dir): { path: string; bytes: Buffer }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, root) : [{ path: relative(root, path), bytes: readFileSync(path) }];
  });
}

export async function startWebDavServer(options: { user?: string; password?: string } = {}): Promise<WebDavServer> {
  if (!hasRclone()) throw new Error(RCLONE_HINT);
  const dir = mkdtempSync(join(tmpdir(), 'dramatis-webdav-'));
  const port = await freePort();
  const user = options.user ?? 'reader';
  const password = options.password ?? 'app-password-1';
  const url = `http://127.0.0.1:${port}/`;
  let child: ChildProcess | undefined;

  const start = async () => {
    let log = '';
    // No config file: rclone would otherwise look for ~/.config/rclone/rclone.conf.
    child = spawn(
      'rclone',
      ['serve', 'webdav', dir, '--addr', `127.0.0.1:${port}`, '--user', user, '--pass', password, '--config', '/dev/null'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    await waitUntilUp(url, child, () => log);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url,
    user,
    password,
    dir,
    files: () => filesUnder(dir),
    stop,
    start,
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
