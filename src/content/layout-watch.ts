/**
 * Where text may have moved on screen, for the layers that draw boxes over it (mark-layer.ts,
 * anchored-marks.ts): any scroll (captured, so scroll containers inside the page count too), a
 * resize of the window, a loaded font, a resize of the root or the body. `moved(true)` says only the
 * window scrolled. Returns the stop.
 */
export function watchLayout(moved: (windowScroll: boolean) => void): () => void {
  const listening = new AbortController();
  const signal = listening.signal;
  const reflowed = () => moved(false);
  document.addEventListener('scroll', (e) => moved(e.target === document), { capture: true, passive: true, signal });
  window.addEventListener('resize', reflowed, { passive: true, signal });
  document.fonts?.addEventListener('loadingdone', reflowed, { signal });
  const resizes = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(reflowed) : undefined;
  resizes?.observe(document.documentElement);
  if (document.body) resizes?.observe(document.body);
  return () => {
    listening.abort();
    resizes?.disconnect();
  };
}
