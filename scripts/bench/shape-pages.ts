/**
 * Hostile page shapes for the bench (scripts/bench/shapes.ts) and the e2e tests: pages whose size or
 * structure once froze the page or defeated the content script. Each page carries its own probe
 * (SHAPE_PROBE, first in <head>), so it measures the same way with and without the extension, in
 * Chromium and in Firefox.
 */

/** Sentences naming people, places and organisations of the bundled dataset (one or two names each). */
export const NAMED = [
  'Walter Krivitsky reached New York at the end of 1938.',
  'His friend Ignace Reiss had been killed near Lausanne.',
  'Leon Trotsky settled in Coyoacán with Natalia Sedova.',
  'Diego Rivera lent them the house of Frida Kahlo.',
  'Whittaker Chambers read the letters in Washington.',
  'The NKVD never forgot a defector.',
];
/** Sentences without names, so that names are about as dense as in history writing. */
const FILLER = [
  'The weather that winter was colder than anyone remembered, and the roads were slow.',
  'Letters took weeks to arrive, and many of them were opened on the way by someone.',
  'A small group of friends met every evening to read the newspapers aloud together.',
  'Nobody could say afterwards which of the rumours had been true and which invented.',
];

/** About `chars` characters of text, one named sentence to two of filler, cycling deterministically. */
export function prose(chars: number, offset = 0): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = offset; size < chars; i++) {
    const s = i % 3 === 0 ? NAMED[(i / 3) % NAMED.length]! : FILLER[i % FILLER.length]!;
    parts.push(s);
    size += s.length + 1;
  }
  return parts.join(' ').slice(0, chars);
}

/**
 * Installed first in every shape page. Records, from navigation start: long tasks (Chromium's Long
 * Tasks API, where it exists), main-thread stalls seen as gaps between animation frames over 50 ms
 * (both browsers), when the page's own first frame after load was done, and the number of marks (ranges in CSS.highlights, or fallback <dramatis-mark>
 * elements) with the time it last changed. Its own cost per frame: one walk over the registry's
 * highlights (their sizes, not their ranges).
 */
export const SHAPE_PROBE = `(() => {
  const s = (window.__shape = { long: [], gaps: [], marks: 0, markAt: 0, firstMarkAt: 0, frames: 0, longtaskApi: false, readyAt: 0 });
  // The page's own first frame after load: two animation frames after the load event (the first
  // one's layout and paint are done when the second runs). Tasks after it are not the page's loading.
  addEventListener('load', () => requestAnimationFrame(() => requestAnimationFrame(() => { s.readyAt = performance.now(); })));
  try {
    if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) s.long.push([Math.round(e.startTime), Math.round(e.duration)]);
      }).observe({ type: 'longtask', buffered: true });
      s.longtaskApi = true;
    }
  } catch (e) {}
  const fallback = document.getElementsByTagName('dramatis-mark');
  // Marks Dramatis draws in its closed root (names inside giant text nodes, anchored-marks.ts) are
  // invisible to a page: the test probe extension (tools/browser/probe, loaded with Dramatis only)
  // counts them on request. s.overlay holds its latest answer: how many, and whether one is in view.
  // seq numbers the requests, so an answer asked for before a scroll jump is never taken for one after it.
  s.overlay = { count: 0, inView: false, seq: 0 };
  s.seq = 0;
  s.ask = () => window.postMessage(JSON.stringify({ dramatisProbe: 'shape' + ++s.seq, what: 'overlay', action: null }), '*');
  addEventListener('message', (event) => {
    if (typeof event.data !== 'string' || !event.data.startsWith('{"dramatisProbeReply":"shape')) return;
    const data = JSON.parse(event.data);
    const seq = Number(String(data.dramatisProbeReply).slice(5));
    if (!(seq > s.overlay.seq)) return;
    s.overlay = { count: data.count || 0, inView: !!data.inView, seq };
  });
  let last = 0;
  const frame = () => {
    const now = performance.now();
    if (last && now - last > 50) s.gaps.push([Math.round(last), Math.round(now - last)]);
    last = now;
    s.frames++;
    if (s.frames % 6 === 0) s.ask();
    let n = fallback.length + s.overlay.count;
    if (globalThis.CSS && CSS.highlights) CSS.highlights.forEach((h) => { n += h.size; });
    if (n !== s.marks) {
      s.marks = n;
      s.markAt = now;
      if (!s.firstMarkAt && n) s.firstMarkAt = now;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

const page = (title: string, body: string, script = ''): string =>
  `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><script>${SHAPE_PROBE}</script><title>${title}</title>` +
  `<style>body { font: 16px/1.5 Georgia, serif; max-width: 760px; margin: 1em auto; }</style></head>\n<body>\n${body}\n${script}</body></html>\n`;

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export interface ShapePage {
  name: string;
  file: string;
  /** What the page is, for the tables. */
  what: string;
  html: string;
  /** A page with no name on it: the target is no mark at all (and still no long task). */
  nameless?: boolean;
}

/** 20,000 paragraphs of about 100 characters: 2 MB of text. */
export function bigPage(): ShapePage {
  const paras: string[] = [];
  for (let i = 0; i < 20_000; i++) paras.push(`<p>${escape(prose(100, i))}</p>`);
  return { name: '2mb', file: 'shape-2mb.html', what: '2 MB page, 20,000 paragraphs', html: page('2 MB', paras.join('\n')) };
}

/** 10,000 lines, each its own <div> (a log, a listing, a long table of contents). */
export function tenThousandLines(): ShapePage {
  const lines: string[] = [];
  for (let i = 0; i < 10_000; i++) lines.push(`<div>${i + 1}. ${escape(prose(60, i))}</div>`);
  return {
    name: 'lines-10k',
    file: 'shape-lines-10k.html',
    what: '10,000 lines, one <div> each',
    html: page('10,000 lines', lines.join('\n')),
  };
}

/** One paragraph of `count` text nodes of one character each (each in its own <span>). */
export function oneCharNodes(count: number): ShapePage {
  const text = prose(count);
  const spans = [...text].map((c) => `<span>${escape(c)}</span>`).join('');
  return {
    name: `onechar-${count}`,
    file: `shape-onechar-${count}.html`,
    what: `one block of ${count.toLocaleString('en')} one-character text nodes`,
    html: page(`${count} one-character nodes`, `<p>${spans}</p>`),
  };
}

/** About `chars` characters of the filler sentences only: text with no name in it. */
function nameless(chars: number, offset = 0): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = offset; size < chars; i++) {
    const s = FILLER[i % FILLER.length]!;
    parts.push(s);
    size += s.length + 1;
  }
  return parts.join(' ').slice(0, chars);
}

/**
 * One paragraph of 7,400 inline links, a word or a sentence each (an index, a tag cloud, a long
 * list of references): one block of about 7,400 text nodes, the shape whose per-node scans once
 * took 0.65 s and delayed the first highlight by seconds.
 */
export function inlineLinks(count = 7400): ShapePage {
  const links: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = i % 3 === 0 ? NAMED[(i / 3) % NAMED.length]! : FILLER[i % FILLER.length]!.split(' ').slice(0, 3).join(' ');
    links.push(`<a href="#l${i}">${escape(text)}</a>`);
  }
  return {
    name: 'links-7400',
    file: 'shape-links-7400.html',
    what: `one paragraph of ${count.toLocaleString('en')} inline links`,
    html: page('Inline links', `<p>${links.join(' · ')}</p>`),
  };
}

/** 20,000 paragraphs with no name at all: 2 MB that must cost almost nothing. */
export function namelessPage(): ShapePage {
  const paras: string[] = [];
  for (let i = 0; i < 20_000; i++) paras.push(`<p>${escape(nameless(100, i))}</p>`);
  return {
    name: 'nameless-2mb',
    file: 'shape-nameless-2mb.html',
    what: '2 MB page, 20,000 paragraphs, no names',
    html: page('No names', paras.join('\n')),
    nameless: true,
  };
}

/** 50,000 elements: a list of 25,000 items, each a bold word and a short text, names in some. */
export function manyElements(items = 25_000): ShapePage {
  const rows: string[] = [];
  for (let i = 0; i < items; i++) {
    const text = i % 10 === 0 ? NAMED[(i / 10) % NAMED.length]! : FILLER[i % FILLER.length]!.slice(0, 40);
    rows.push(`<li><b>${i + 1}</b> ${escape(text)}</li>`);
  }
  return {
    name: 'elements-50k',
    file: 'shape-elements-50k.html',
    what: `${(items * 2).toLocaleString('en')} elements: ${items.toLocaleString('en')} list items with a bold number each`,
    html: page('50,000 elements', `<ul>${rows.join('\n')}</ul>`),
  };
}

/** One text node of about 5 MB in one paragraph. */
export function hugeTextNode(): ShapePage {
  return {
    name: 'textnode-5mb',
    file: 'shape-textnode-5mb.html',
    what: 'one text node of 5 MB',
    html: page('5 MB text node', `<p>${escape(prose(5_000_000))}</p>`),
  };
}

/** 2,000 lines in one element, separated by <br> (poems, addresses, chat logs, plain-text imports). */
export function brLines(count = 2000): ShapePage {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(`${i + 1}. ${escape(prose(70, i))}`);
  return {
    name: 'br-2000',
    file: 'shape-br-2000.html',
    what: `${count.toLocaleString('en')} lines in one element, separated by <br>`,
    html: page('Lines with br', `<div id="lines">${lines.join('<br>\n')}</div>`),
  };
}

/** The sentence each infinite-scroll paragraph carries: exactly one name. */
export const SCROLL_SENTENCE = 'Walter Krivitsky wrote another letter that evening.';

/**
 * Infinite scroll: `perSecond` paragraphs a second for `seconds`, each with one name, appended in
 * batches every 100 ms with the view kept at the bottom (the reader scrolling). `?seconds=N` in the
 * URL overrides the duration. The page records in window.__grow: paragraphs appended, when growth
 * stopped, and samples of the backlog (appended minus marked) once a second.
 */
export function infiniteScroll(perSecond = 100, seconds = 30): ShapePage {
  const script = `<script>
(() => {
  const params = new URLSearchParams(location.search);
  const seconds = Number(params.get('seconds') || ${seconds});
  const perBatch = ${perSecond / 10};
  const g = (window.__grow = { appended: 0, endAt: 0, startAt: 0, samples: [], done: false });
  const feed = document.getElementById('feed');
  const tick = () => {
    const frag = document.createDocumentFragment();
    for (let i = 0; i < perBatch; i++) {
      const p = document.createElement('p');
      g.appended++;
      p.id = 'item-' + g.appended;
      p.textContent = 'Item ' + g.appended + '. ${SCROLL_SENTENCE}';
      frag.appendChild(p);
    }
    feed.appendChild(frag);
    window.scrollTo(0, document.documentElement.scrollHeight);
    if (g.appended % ${perSecond} === 0) g.samples.push([Math.round(performance.now()), g.appended, window.__shape.marks]);
    if (performance.now() - g.startAt >= seconds * 1000) { g.endAt = performance.now(); g.done = true; return; }
    setTimeout(tick, 100);
  };
  window.addEventListener('load', () => { g.startAt = performance.now(); setTimeout(tick, 100); });
})();
</script>`;
  return {
    name: 'infinite',
    file: 'shape-infinite.html',
    what: `infinite scroll, ${perSecond} paragraphs a second for ${seconds} s`,
    html: page('Infinite scroll', '<h1>A feed that never ends</h1>\n<div id="feed"></div>', script),
  };
}

export function allShapePages(): ShapePage[] {
  return [
    bigPage(),
    tenThousandLines(),
    oneCharNodes(1900),
    oneCharNodes(3800),
    oneCharNodes(15_000),
    hugeTextNode(),
    brLines(),
    inlineLinks(),
    namelessPage(),
    manyElements(),
    infiniteScroll(),
  ];
}
