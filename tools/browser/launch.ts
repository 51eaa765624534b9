/**
 * Launching real browsers with the built extension: Chromium through Playwright (persistent context,
 * unpacked MV3 extension), Firefox through puppeteer-core over WebDriver BiDi (installExtension).
 * Both hand back pages with the same small surface the tests use.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { FIREFOX_ID } from '../targets';
import { DIST_CHROME, DIST_FIREFOX, PROBE_DIR } from '../paths';

export type Engine = 'chromium' | 'firefox';

/** What tests use of a page; Playwright's and Puppeteer's pages both have these members. */
export interface TestPage {
  goto(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded' }): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  mouse: { move(x: number, y: number): Promise<void>; click(x: number, y: number): Promise<void> };
  keyboard: {
    press(key: string): Promise<void>;
    type(text: string, options?: { delay?: number }): Promise<void>;
    down(key: string): Promise<void>;
    up(key: string): Promise<void>;
  };
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  setViewportSize?(size: { width: number; height: number }): Promise<void>;
  setViewport?(size: { width: number; height: number }): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionSession {
  engine: Engine;
  newPage(): Promise<TestPage>;
  /** The extension's origin: chrome-extension://ID or moz-extension://UUID. */
  extensionOrigin: string;
  close(): Promise<void>;
}

/** A fixed internal UUID for the Firefox build, so tests can open its pages. */
export const FIREFOX_UUID = '6f1d3c52-1f0e-4c5e-9a57-d4a1c0ffee01';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export class BrowserMissingError extends Error {}

/** CHROMIUM_PATH, else Debian's chromium, else Playwright's own Chromium if it was installed. */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  try {
    const own = chromium.executablePath();
    return existsSync(own) ? own : undefined;
  } catch {
    return undefined;
  }
}

export function firefoxPath(): string | undefined {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return FIREFOX_CANDIDATES.find((p) => existsSync(p));
}

export const INSTALL_HINT: Record<Engine, string> = {
  chromium: 'Chromium not found: install it with "sudo apt-get install -y chromium" (or set CHROMIUM_PATH).',
  firefox: 'Firefox not found: install it with "sudo apt-get install -y firefox-esr" (or set FIREFOX_PATH).',
};

export async function launchChromium(
  options: {
    headless?: boolean;
    probe?: boolean;
    profileDir?: string;
    colorScheme?: 'light' | 'dark';
    reducedMotion?: 'reduce' | 'no-preference';
    extensionDir?: string;
  } = {},
): Promise<ExtensionSession & { context: BrowserContext; profileDir: string }> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new BrowserMissingError(INSTALL_HINT.chromium);
  const extensions = [options.extensionDir ?? DIST_CHROME, ...(options.probe === false ? [] : [PROBE_DIR])].join(',');
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'dramatis-chromium-'));
  const ownsProfile = options.profileDir === undefined;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion,
    args: [
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--no-default-browser-check',
    ],
  });
  let [worker] = context.serviceWorkers().filter((w) => w.url().endsWith('/background.js'));
  worker ??= await context.waitForEvent('serviceworker', { predicate: (w) => w.url().endsWith('/background.js'), timeout: 15_000 });
  // URL.origin is "null" for non-special schemes such as chrome-extension:, so build it from the host.
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  return {
    engine: 'chromium',
    context,
    profileDir,
    extensionOrigin,
    newPage: async () => (await context.newPage()) as unknown as TestPage,
    close: async () => {
      await context.close();
      if (ownsProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export async function launchFirefox(
  options: {
    probe?: boolean;
    colorScheme?: 'light' | 'dark';
    extensionDir?: string;
    profileDir?: string;
    prefs?: Record<string, unknown>;
  } = {},
): Promise<ExtensionSession & { browser: Browser }> {
  const executablePath = firefoxPath();
  if (!executablePath) throw new BrowserMissingError(INSTALL_HINT.firefox);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // Firefox 153 lets WebDriver open moz-extension:// pages (the popup, the notebook) only with this.
    args: ['--remote-allow-system-access'],
    userDataDir: options.profileDir,
    extraPrefsFirefox: {
      // The extension is installed as a temporary add-on each launch; keep its storage and origin
      // between launches of the same profile, as a normal install does.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ID]: FIREFOX_UUID }),
      'ui.systemUsesDarkTheme': options.colorScheme === 'dark' ? 1 : 0,
      'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
      ...options.prefs,
    },
  });
  await browser.installExtension(options.extensionDir ?? DIST_FIREFOX);
  if (options.probe !== false) await browser.installExtension(PROBE_DIR);
  return {
    engine: 'firefox',
    browser,
    extensionOrigin: `moz-extension://${FIREFOX_UUID}`,
    newPage: async () => {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      return page as unknown as TestPage;
    },
    close: () => browser.close(),
  };
}

/** The same browser without Dramatis: the baseline for "the page is unchanged" comparisons. */
export async function launchPlain(engine: Engine): Promise<{ newPage(): Promise<TestPage>; close(): Promise<void> }> {
  if (engine === 'chromium') {
    const executablePath = chromiumPath();
    if (!executablePath) throw new BrowserMissingError(INSTALL_HINT.chromium);
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    return { newPage: async () => (await context.newPage()) as unknown as TestPage, close: () => browser.close() };
  }
  const executablePath = firefoxPath();
  if (!executablePath) throw new BrowserMissingError(INSTALL_HINT.firefox);
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true });
  return {
    newPage: async () => {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      return page as unknown as TestPage;
    },
    close: () => browser.close(),
  };
}

export function launch(engine: Engine, options: { colorScheme?: 'light' | 'dark'; probe?: boolean } = {}): Promise<ExtensionSession> {
  return engine === 'chromium' ? launchChromium(options) : launchFirefox(options);
}
