/** Driving the note UI in the page the way a reader does, through the test probe for the closed root. */
import type { TestPage } from '../../../tools/browser/launch';
import { ask, waitFor } from '../../../tools/browser/page';

const evaluate = <T>(page: TestPage, script: string) => (page as unknown as { evaluate(s: string): Promise<T> }).evaluate(script);

/** Selects `text` (first occurrence in page text) with a real mouse drag across it. */
export async function selectText(page: TestPage, text: string): Promise<void> {
  const box = await evaluate<{ x1: number; y1: number; x2: number; y2: number } | null>(
    page,
    `(() => {
    const want = ${JSON.stringify(text)};
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.data.indexOf(want);
      if (at === -1 || n.parentElement.closest('textarea, script, style')) continue;
      n.parentElement.scrollIntoView({ block: 'center' });
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + 1);
      const a = r.getBoundingClientRect();
      r.setStart(n, at + want.length - 1);
      r.setEnd(n, at + want.length);
      const b = r.getBoundingClientRect();
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    }
    return null;
  })()`,
  );
  if (!box) throw new Error(`"${text}" is not in one text node of the page`);
  const mouse = page.mouse as TestPage['mouse'] & { down(): Promise<void>; up(): Promise<void> };
  await mouse.move(box.x1, box.y1);
  await mouse.down();
  await mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2);
  await mouse.move(box.x2, box.y2);
  await mouse.up();
  const selected = await evaluate<string>(page, 'String(document.getSelection())');
  if (selected.trim() !== text.trim()) throw new Error(`selected "${selected}" instead of "${text}"`);
}

/** Asks the probe to act inside Dramatis's closed UI: click a button by its label, type into a field by its label. */
export function ui(
  page: TestPage,
  action: { click?: string; find?: string; type?: { label: string; text: string } },
): Promise<{ ok: boolean; error?: string; text?: string; rect?: { x: number; y: number } }> {
  return ask(page, 'ui', action);
}

export async function waitForUi(page: TestPage, label: string): Promise<void> {
  await waitFor(
    () => ui(page, {}),
    (r) => (r.text ?? '').includes(label),
    8000,
    `"${label}" in Dramatis's UI`,
  );
}

/** Clicks a control of Dramatis's UI (by its text or label) with the real mouse. */
export async function clickUi(page: TestPage, label: string): Promise<void> {
  // The card may still be filling in (relations, notes arrive a moment later): wait until the
  // control stays put, then click where it is.
  let last = await waitFor(
    () => ui(page, { find: label }),
    (r) => r.ok,
    8000,
    `"${label}" in Dramatis's UI`,
  );
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 120));
    const now = await ui(page, { find: label });
    if (now.ok && now.rect!.x === last.rect!.x && now.rect!.y === last.rect!.y) break;
    if (now.ok) last = now;
  }
  await page.mouse.click(last.rect!.x, last.rect!.y);
}
