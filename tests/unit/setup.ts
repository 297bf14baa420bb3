/**
 * happy-dom has no CSS Custom Highlight API. A minimal stand-in for the
 * registry lets paint.ts run in unit tests; real painting is tested in Chromium.
 * happy-dom's global CSS is a new object on every access, so replace it whole.
 */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  type = 'highlight';
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

if (typeof (globalThis as { Highlight?: unknown }).Highlight === 'undefined') {
  (globalThis as { Highlight?: unknown }).Highlight = FakeHighlight;
  const highlights = new Map<string, FakeHighlight>();
  const css = { highlights, supports: () => true, escape: (s: string) => s };
  Object.defineProperty(globalThis, 'CSS', { value: css, configurable: true, writable: true });
}
