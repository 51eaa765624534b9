/** Driving the note UI in the page the way a reader does: the test probe for the closed root, the driver for the notes frame. */
import type { TestPage } from '../../../tools/browser/launch';
import { ask, inFrame, notesFrames, waitFor } from '../../../tools/browser/page';

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

type UiReply = { ok: boolean; error?: string; text?: string; rect?: { x: number; y: number } };

/**
 * The same actions inside the notes frame (an extension page the probe cannot enter; the test
 * driver can): the rect is on the page, the frame's place added.
 */
const frameAction = (action: { click?: string; find?: string; type?: { label: string; text: string } }) => `(() => {
  const action = ${JSON.stringify(action)};
  const text = document.body.innerText;
  const byLabel = (label) => [...document.querySelectorAll('button, [aria-label]')].find((b) => b.textContent.trim() === label || b.getAttribute('aria-label') === label);
  if (action.find) {
    const el = byLabel(action.find);
    if (!el) return { ok: false, text };
    const r = el.getBoundingClientRect();
    return { ok: true, rect: { x: r.x + r.width / 2, y: r.y + r.height / 2 }, text };
  }
  if (action.click) {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === action.click);
    if (!button) return { ok: false, text };
    button.click();
  }
  if (action.type) {
    const field = document.querySelector('[aria-label="' + action.type.label + '"]');
    if (!field) return { ok: false, text };
    field.focus();
    field.value = action.type.text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
  return { ok: true, text };
})()`;

/**
 * Acts inside Dramatis's UI: the closed root through the probe, else the notes frames through the
 * driver. Clicks a button by its label, types into a field by its label; `find` gives a control's
 * place on the page. The text is everything the UI shows, frames included.
 */
export async function ui(
  page: TestPage,
  action: { click?: string; find?: string; type?: { label: string; text: string } },
): Promise<UiReply> {
  const wants = action.click ?? action.find ?? action.type;
  const inRoot = await ask<UiReply>(page, 'ui', wants ? action : {});
  const frames = await notesFrames(page);
  const texts = [inRoot.text ?? ''];
  let result: UiReply | undefined = wants && inRoot.ok ? inRoot : undefined;
  for (const { frame, box } of frames) {
    const reply = await inFrame<UiReply>(frame, frameAction(result || !wants ? {} : action), { ok: false, text: '' });
    texts.push(reply.text ?? '');
    if (!result && wants && reply.ok)
      result = reply.rect ? { ...reply, rect: { x: reply.rect.x + box.x, y: reply.rect.y + box.y } } : reply;
  }
  const text = texts.join(' ');
  if (!wants) return { ok: true, text };
  return result
    ? { ...result, text }
    : { ok: false, error: `nothing labelled ${String(action.click ?? action.find ?? action.type?.label)}`, text };
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
  // A real move, press and release, but none awaited past INPUT_ACK_MS: many of these controls
  // close the card or editor whose notes frame holds them (Edit, Add note, Save), and in Chromium
  // mouse.click then sometimes never returned (DevTools' Input.dispatchMouseEvent unanswered; the
  // frame, an extension page in a process of its own, is torn down by the click) and the test hung
  // to its timeout (privacy.spec.ts: 1 run in 8 under load, and once per CI run in sessions 4-5).
  // Every caller then waits for the click's effect, so a click that did not land still fails, at
  // that wait and with its message; the step left unanswered is printed.
  const mouse = page.mouse as TestPage['mouse'] & { down(): Promise<void>; up(): Promise<void> };
  const steps: [string, () => Promise<void>][] = [
    ['move', () => mouse.move(last.rect!.x, last.rect!.y)],
    ['press', () => mouse.down()],
    ['release', () => mouse.up()],
  ];
  for (const [step, run] of steps) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answered = await Promise.race([
      run().then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), INPUT_ACK_MS))),
    ]);
    clearTimeout(timer);
    if (!answered) console.log(`[clickUi] the ${step} on "${label}" got no answer from the browser within ${INPUT_ACK_MS} ms`);
  }
}

/** How long each step of a click may wait for the browser's answer (see clickUi). */
const INPUT_ACK_MS = 3000;
