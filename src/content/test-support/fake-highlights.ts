/**
 * A stand-in for the CSS Custom Highlight API in a DOM without one (happy-dom): `Highlight` as a
 * Set of ranges and `CSS.highlights` as a Map, so tests can read exactly what would be painted.
 */
export class FakeHighlight extends Set<Range> {}

/** Installs the fake on globalThis and returns the registry; uninstall() puts things back. */
export function installFakeHighlights(): { registry: Map<string, FakeHighlight>; uninstall(): void } {
  const g = globalThis as unknown as { CSS?: unknown; Highlight?: unknown };
  const before = { CSS: g.CSS, Highlight: g.Highlight };
  const registry = new Map<string, FakeHighlight>();
  g.CSS = { highlights: registry };
  g.Highlight = FakeHighlight;
  return {
    registry,
    uninstall() {
      g.CSS = before.CSS;
      g.Highlight = before.Highlight;
    },
  };
}

/** The text of every range registered under `name`, in insertion order. */
export function paintedTexts(registry: Map<string, FakeHighlight>, name: string): string[] {
  return [...(registry.get(name) ?? [])].map((r) => r.toString());
}
