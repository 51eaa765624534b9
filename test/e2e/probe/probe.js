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

  function describeCard() {
    const host = document.querySelector('dramatis-ui');
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
    };
  }

  window.addEventListener('message', (event) => {
    // Strings both ways: Firefox does not let a page read objects a content script posts.
    if (typeof event.data !== 'string' || !event.data.startsWith('{"dramatisProbe"')) return;
    const data = JSON.parse(event.data);
    let reply;
    try {
      reply = describeCard();
    } catch (err) {
      reply = { error: String(err && err.message || err) };
    }
    window.postMessage(JSON.stringify({ dramatisProbeReply: data.dramatisProbe, ...reply }), '*');
  });
})();
