/*
 * Test-only content script. Extensions may open any shadow root (chrome.dom.openOrClosedShadowRoot
 * in Chrome, Element.openOrClosedShadowRoot in Firefox); page scripts cannot. The test page asks
 * with window.postMessage of JSON { dramatisProbe: id, what } and gets JSON { dramatisProbeReply: id, ... }.
 */
(() => {
  const openRoot = (el) =>
    (globalThis.chrome && chrome.dom && chrome.dom.openOrClosedShadowRoot)
      ? chrome.dom.openOrClosedShadowRoot(el)
      : el.openOrClosedShadowRoot;

  /**
   * Dramatis's host: a plain element at the end of <html> with a closed shadow root holding its
   * .root mounts (earlier builds: <dramatis-ui>).
   */
  function findHost() {
    const old = document.querySelector('dramatis-ui');
    if (old) return old;
    for (const el of document.documentElement.children) {
      const root = el.localName === 'div' ? openRoot(el) : null;
      if (root && root.querySelector('.root')) return el;
    }
    return null;
  }

  /** Where the notes frame sits and which kinds of marks are painted in the closed root. */
  function describeFrames() {
    const host = findHost();
    const root = host && openRoot(host);
    if (!root) return { frames: [], marks: {} };
    const frames = [...root.querySelectorAll('iframe')].map((f) => {
      const r = f.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, title: f.title, src: f.src };
    });
    const marks = {};
    for (const m of root.querySelectorAll('.mark')) {
      const kind = [...m.classList].find((c) => c.startsWith('mark-') && c !== 'mark-bar').slice(5);
      const r = m.getBoundingClientRect();
      (marks[kind] ??= []).push({ x: r.x, y: r.y, width: r.width, height: r.height });
    }
    return { frames, marks, hostTag: host.localName };
  }

  /**
   * How many marks the closed root holds and whether one is in the viewport (the shapes bench's
   * probe asks every frame during its jumps): stops at the first mark in view, so the probe itself
   * reads as few boxes as it can.
   */
  function overlayMarks() {
    const host = findHost();
    const root = host && openRoot(host);
    if (!root) return { count: 0, inView: false };
    const marks = root.querySelectorAll('.mark');
    let inView = false;
    for (const m of marks) {
      const r = m.getBoundingClientRect();
      if (r.bottom > 0 && r.top < innerHeight && r.width > 0) {
        inView = true;
        break;
      }
    }
    return { count: marks.length, inView };
  }

  function describeCard() {
    const host = findHost();
    if (!host) return { open: false };
    const root = openRoot(host);
    if (!root) return { open: false, error: 'no shadow root' };
    const dialog = root.querySelector('[role="dialog"]');
    if (!dialog) return { open: false };
    const labelId = dialog.getAttribute('aria-labelledby');
    const label = labelId ? root.getElementById(labelId) : null;
    const r = dialog.getBoundingClientRect();
    return {
      open: true,
      name: label ? label.textContent : dialog.getAttribute('aria-label'),
      text: dialog.innerText || dialog.textContent,
      links: [...dialog.querySelectorAll('a')].map((a) => ({ text: a.textContent, href: a.href, target: a.target })),
      rect: { x: r.x, y: r.y, width: r.width, height: r.height },
      hostMode: host.shadowRoot === null ? 'closed' : 'open',
      className: dialog.className,
      background: getComputedStyle(dialog).backgroundColor,
      color: getComputedStyle(dialog).color,
      focused: root.activeElement ? (root.activeElement.getAttribute('role') || root.activeElement.textContent.trim().slice(0, 60)) : null,
      buttons: [...dialog.querySelectorAll('button')].map((b) => b.textContent.trim()),
      mapPaths: dialog.querySelectorAll('svg.map path').length,
    };
  }

  /**
   * For axe: a copy of the card's markup and styles in an OPEN shadow root at the same place, so
   * axe-core (which cannot enter closed roots, by design) can check exactly what the reader sees.
   */
  function cloneCardForAxe() {
    const host = findHost();
    const root = host && openRoot(host);
    if (!root) return { cloned: false };
    document.getElementById('dramatis-axe-copy')?.remove();
    const copy = document.createElement('div');
    copy.id = 'dramatis-axe-copy';
    copy.setAttribute('style', host.getAttribute('style'));
    const open = copy.attachShadow({ mode: 'open' });
    for (const child of root.childNodes) open.appendChild(child.cloneNode(true));
    host.style.setProperty('visibility', 'hidden', 'important');
    document.documentElement.appendChild(copy);
    return { cloned: true };
  }

  /**
   * Acts in Dramatis's UI as a reader would: clicks a button by its text, types into a field by its
   * accessible label (firing input events so Preact sees the change). Returns the UI's text.
   */
  function act(action) {
    const host = findHost();
    const root = host && openRoot(host);
    if (!root) return { ok: false, text: '' };
    const visibleText = () => [...root.children].filter((c) => c.tagName !== 'STYLE').map((c) => c.textContent).join(' ');
    // Buttons of the closed root only; the notes frame is read by the test driver (see tools/browser/page.ts).
    if (action.find) {
      const el = [...root.querySelectorAll('button, [aria-label]')].find((b) => b.textContent.trim() === action.find || b.getAttribute('aria-label') === action.find);
      if (!el) return { ok: false, error: 'nothing labelled ' + action.find, text: visibleText() };
      const r = el.getBoundingClientRect();
      return { ok: true, rect: { x: r.x + r.width / 2, y: r.y + r.height / 2 }, text: visibleText() };
    }
    if (action.check) {
      // A radio button or checkbox by its label's text, clicked as a reader would.
      const label = [...root.querySelectorAll('label')].find((l) => l.textContent.trim() === action.check);
      const input = label && label.querySelector('input');
      if (!input) return { ok: false, error: 'no option ' + action.check, text: visibleText() };
      input.click();
    }
    if (action.clickStart) {
      const button = [...root.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith(action.clickStart));
      if (!button) return { ok: false, error: 'no button starting ' + action.clickStart, text: visibleText() };
      button.click();
    }
    if (action.click) {
      const button = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === action.click);
      if (!button) return { ok: false, error: 'no button ' + action.click, text: visibleText() };
      button.click();
    }
    if (action.type) {
      const field = root.querySelector('[aria-label="' + action.type.label + '"]');
      if (!field) return { ok: false, error: 'no field ' + action.type.label, text: visibleText() };
      field.focus();
      field.value = action.type.text;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
    return { ok: true, text: visibleText() };
  }

  window.addEventListener('message', (event) => {
    // Strings both ways: Firefox does not let a page read objects a content script posts.
    if (typeof event.data !== 'string' || !event.data.startsWith('{"dramatisProbe"')) return;
    const data = JSON.parse(event.data);
    let reply;
    try {
      reply =
        data.what === 'clone-card' ? cloneCardForAxe() : data.what === 'ui' ? act(data.action || {}) : data.what === 'frames' ? describeFrames() : data.what === 'overlay' ? overlayMarks() : describeCard();
    } catch (err) {
      reply = { error: String(err && err.message || err) };
    }
    window.postMessage(JSON.stringify({ dramatisProbeReply: data.dramatisProbe, ...reply }), '*');
  });
})();
