/**
 * npm start: build, serve the demo post on localhost, and open a browser with the extension on it.
 * With a display: a real Chromium window to hover in (close it to stop). Without one (a server, CI):
 * headless; hovers the first highlighted name, saves a screenshot of the page with its card to
 * out/start.png and prints what it saw.
 *   --port N     serve on this port (default: a free one)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserMissingError, launchChromium } from '../tools/browser/launch';
import { card, highlights, hoverName, waitForHighlights } from '../tools/browser/page';
import { startServer } from '../tools/browser/server';
import { runBuild } from '../tools/run-build';
import { OUT_DIR } from '../tools/paths';

const DEMO = '/demo/defectors-1937.html';
const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 0;

function build(): void {
  const status = runBuild();
  if (status !== 0) process.exit(status);
}

async function withDisplay(url: string): Promise<void> {
  const session = await launchChromium({ headless: false, probe: false });
  const page = await session.context.newPage();
  await page.goto(url);
  for (const p of session.context.pages()) if (p !== page && p.url() === 'about:blank') await p.close();
  console.log(`Chromium is open on ${url} with Dramatis loaded. Hover a name. Close the window to stop.`);
  await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
}

async function headless(url: string): Promise<void> {
  const session = await launchChromium({ headless: true });
  try {
    const page = await session.context.newPage();
    // Time from DOMContentLoaded to the first painted highlight, measured in the page.
    // A string, not a function: tsx would wrap a function with helpers the page does not have.
    await page.addInitScript(`document.addEventListener('DOMContentLoaded', () => {
      const start = performance.now();
      const tick = () => {
        let n = 0;
        if (globalThis.CSS && CSS.highlights) CSS.highlights.forEach((h) => { n += h.size; });
        if (n > 0) window.__firstHighlight = performance.now() - start;
        else requestAnimationFrame(tick);
      };
      tick();
    });`);
    await page.goto(url);
    const found = await waitForHighlights(page as never, 1);
    const firstMs = (await page.evaluate('window.__firstHighlight')) as number | undefined;
    const first = found.ranges.slice().sort((a, b) => a.y - b.y || a.x - b.x)[0]!;
    const shown = await hoverName(page as never, first.text);
    await page.waitForTimeout(250); // let the card's fade-in finish before the picture
    const outDir = OUT_DIR;
    mkdirSync(outDir, { recursive: true });
    const shot = join(outDir, 'start.png');
    await page.screenshot({ path: shot });
    const names = new Set((await highlights(page as never)).ranges.map((r) => r.text));
    console.log('\nDramatis demo (headless: no display found)');
    console.log(`  page:                 ${url}`);
    console.log(`  names highlighted:    ${found.ranges.length} mentions, ${names.size} distinct surface forms`);
    console.log(`  first card:           ${shown.name} (hovered "${first.text}")`);
    console.log(`  DOMContentLoaded → first highlight: ${firstMs === undefined ? 'not measured' : `${Math.round(firstMs)} ms`}`);
    console.log(`  screenshot:           ${shot}`);
    if (!(await card(page as never)).open) throw new Error('the card closed before the screenshot');
  } finally {
    await session.close();
  }
}

async function main(): Promise<void> {
  build();
  const server = await startServer(port);
  const url = server.url(DEMO);
  try {
    if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) await withDisplay(url);
    else await headless(url);
  } finally {
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof BrowserMissingError ? err.message : err);
  process.exitCode = 1;
});
