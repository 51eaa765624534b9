/**
 * The popup's wiped-store line (issue 12, deliverable 3): once the background has found its
 * notebook emptied (safety.ts's store-lost state, remembered in extension storage across worker
 * restarts), the popup shows one line linking to the notebook's restore; the notebook opened there
 * puts the focus on "Restore the safety copy". A fresh browser of its own, so the state it sets
 * never reaches another test.
 */
import { expect, test } from './support/fixtures';
import { launch, type ExtensionSession, type TestPage } from '../../tools/browser/launch';
import { backgroundStopper } from '../../tools/browser/background';
import { openExtensionPage } from '../../tools/browser/page';

const evaluate = <T>(page: TestPage, script: string) => (page as unknown as { evaluate(s: string): Promise<T> }).evaluate(script);
const send = <T>(page: TestPage, message: object) =>
  evaluate<T>(
    page,
    `(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      const r = await api.runtime.sendMessage(${JSON.stringify(message)});
      if (!r.ok) throw new Error(r.code + ': ' + r.error);
      return r.value;
    })()`,
  );

test('the popup says when the notebook was found wiped and links to its restore', async ({ engine }) => {
  test.setTimeout(120_000);
  let session: ExtensionSession | undefined;
  try {
    session = await launch(engine);
    const notebook = await session.newPage();
    await openExtensionPage(notebook, `${session.extensionOrigin}/notebook.html`);
    const now = Date.now();
    await send(notebook, {
      type: 'notes.save',
      note: {
        id: 'safety-line-1',
        kind: 'page',
        text: 'kept',
        tags: [],
        created: now,
        updated: now,
        page: { url: 'https://a.example/', title: 'A' },
      },
    });

    // A healthy store: no line.
    const popup = await session.newPage();
    await openExtensionPage(popup, `${session.extensionOrigin}/popup.html`);
    await expect.poll(() => evaluate<string>(popup, 'document.body.innerText'), { timeout: 15_000 }).toContain('Open notebook');
    expect(await evaluate<number>(popup, `document.querySelectorAll('.safety-line').length`)).toBe(0);

    // The safety copy is made a few seconds after a change; then the store is declared lost as
    // safety.ts records it, and the worker restarted so its next life reads that record.
    await expect
      .poll(async () => (await send<{ safety: { copy?: unknown } }>(notebook, { type: 'storage.status' })).safety.copy, { timeout: 20_000 })
      .toBeDefined();
    await evaluate(
      notebook,
      `(globalThis.browser ?? globalThis.chrome).storage.local.set({ 'safety.state': { lost: { expected: 5, found: 1, at: Date.now() } } })`,
    );
    await (await backgroundStopper(session, notebook)).stop();
    expect((await send<{ safety: { lost?: unknown } }>(notebook, { type: 'storage.status' })).safety.lost).toEqual(
      expect.objectContaining({ expected: 5, found: 1 }),
    );

    await openExtensionPage(popup, `${session.extensionOrigin}/popup.html`);
    await expect.poll(() => evaluate<number>(popup, `document.querySelectorAll('.safety-line a').length`), { timeout: 15_000 }).toBe(1);
    const line = await evaluate<{ text: string; role: string | null; href: string }>(
      popup,
      `(() => { const p = document.querySelector('.safety-line'); return { text: p.innerText, role: p.getAttribute('role'), href: p.querySelector('a').getAttribute('href') }; })()`,
    );
    expect(line.text).toContain('1 of 5');
    expect(line.role).toBe('alert');
    expect(line.href).toBe('notebook.html#safety');
    if (engine === 'chromium') {
      // For a look in light and dark (the test's output folder), not compared.
      const shot = popup as unknown as {
        screenshot(o: object): Promise<unknown>;
        emulateMedia(o: object): Promise<void>;
        setViewportSize(o: object): Promise<void>;
      };
      await shot.setViewportSize({ width: 360, height: 260 });
      await shot.screenshot({ path: test.info().outputPath('popup-safety-line.png') });
      await shot.emulateMedia({ colorScheme: 'dark' });
      await shot.screenshot({ path: test.info().outputPath('popup-safety-line-dark.png') });
    }

    // The link opens the notebook in a tab of its own, at the restore.
    await evaluate(popup, `document.querySelector('.safety-line a').click()`);
    const tabs = () =>
      evaluate<number>(
        popup,
        `(globalThis.browser ?? globalThis.chrome).tabs.query({}).then((ts) => ts.filter((t) => (t.url || '').endsWith('/notebook.html#safety')).length)`,
      );
    await expect.poll(tabs, { timeout: 15_000 }).toBe(1);
    // The same notebook as that tab (a page of ours the driver can read), in a page of its own.
    const restoring = await session.newPage();
    await openExtensionPage(restoring, `${session.extensionOrigin}/notebook.html#safety`);
    await expect
      .poll(() => evaluate<string>(restoring, `document.activeElement ? document.activeElement.textContent : ''`), { timeout: 15_000 })
      .toBe('Restore the safety copy');
  } finally {
    await session?.close();
  }
});
