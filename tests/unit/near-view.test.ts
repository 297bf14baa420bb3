import { afterEach, describe, expect, it, vi } from 'vitest';
import { WINDOW_FROM_RANGES } from '@/content/limits';
import { nearView, RADIUS } from '@/content/near-view';
import { Painter } from '@/content/paint';

/** A stand-in IntersectionObserver the test drives by hand. */
class FakeObserver {
  static last: FakeObserver | null = null;
  readonly observed = new Set<Element>();
  disconnected = false;
  constructor(readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.disconnected = true;
    this.observed.clear();
  }
  report(reports: Array<[Element, boolean, number?]>) {
    this.callback(
      reports.map(([target, isIntersecting, size = 20]) => ({
        target,
        isIntersecting,
        boundingClientRect: { width: size, height: size } as DOMRectReadOnly,
      })) as IntersectionObserverEntry[],
    );
  }
}

/** Additions are watched after the current task, and the anchor placed in the task after that. */
const tick = () => new Promise<void>((r) => setTimeout(r, 0));
const flush = async () => {
  await tick();
  await tick();
};

function setup() {
  const changes: Array<{ near: string[]; away: string[] }> = [];
  const view = { IntersectionObserver: FakeObserver } as unknown as Window & typeof globalThis;
  const nv = nearView<string>(view, (near, away) => changes.push({ near, away }));
  return { nv, changes, io: FakeObserver.last as FakeObserver };
}

describe('NearView', () => {
  it('observes each element once and reports its items as they come near and go away', async () => {
    const { nv, changes, io } = setup();
    const a = document.createElement('p');
    const b = document.createElement('p');
    expect(nv.add(a, 'a1')).toBe(false);
    expect(nv.add(a, 'a2')).toBe(false);
    expect(nv.add(b, 'b1')).toBe(false);
    await flush();
    expect([...io.observed]).toEqual([a, b]);

    io.report([
      [a, true],
      [b, false],
    ]);
    expect(changes).toEqual([{ near: ['a1', 'a2'], away: ['b1'] }]);
    // Known to be near: a new item there may be shown at once.
    expect(nv.add(a, 'a3')).toBe(true);
    expect(nv.add(b, 'b2')).toBe(false);

    io.report([
      [a, false],
      [b, true],
    ]);
    expect(changes[1]).toEqual({ near: ['b1', 'b2'], away: ['a1', 'a2', 'a3'] });
  });

  it('counts an element without a box as near, and forgets elements whose items are gone', async () => {
    const { nv, changes, io } = setup();
    const contents = document.createElement('span');
    nv.add(contents, 'c');
    await flush();
    io.report([[contents, false, 0]]);
    expect(changes).toEqual([{ near: ['c'], away: [] }]);

    nv.delete(contents, 'c');
    expect(io.observed.size).toBe(0);
    io.report([[contents, true]]);
    expect(changes).toHaveLength(1);

    nv.add(contents, 'd');
    nv.clear();
    expect(io.disconnected).toBe(true);
  });

  /**
   * A column of `count` paragraphs, 20 px each, in a window of 800 px whose scroll position the test sets; the
   * window's listeners are kept so the test can scroll.
   */
  function column(count: number, sticky: readonly number[] = []) {
    document.body.innerHTML = '';
    let scrollY = 0;
    const listeners: Array<() => void> = [];
    const paras = Array.from({ length: count }, (_, i) => {
      const p = document.createElement('p');
      document.body.append(p);
      // A sticky element stays at the top of the viewport wherever the page is scrolled.
      const y = () => (sticky.includes(i) ? 0 : i * 20 - scrollY);
      p.getBoundingClientRect = () => ({ top: y(), bottom: y() + 20, width: 600, height: 20 }) as DOMRect;
      return p;
    });
    const view = {
      IntersectionObserver: FakeObserver,
      innerHeight: 800,
      addEventListener: (type: string, fn: () => void) => {
        if (type === 'scroll') listeners.push(fn);
      },
      removeEventListener: () => {},
    } as unknown as Window & typeof globalThis;
    const changes: Array<{ near: number[]; away: number[] }> = [];
    const nv = nearView<number>(view, (near, away) => changes.push({ near, away }));
    const io = FakeObserver.last as FakeObserver;
    const scrollTo = (y: number) => {
      scrollY = y;
      for (const fn of listeners) fn();
    };
    /** The observer's report for what it watches: near when within a screen of the viewport. */
    const report = () =>
      io.report(
        [...io.observed].map((el) => {
          const r = el.getBoundingClientRect();
          return [el, r.bottom > -800 && r.top < 1600] as [Element, boolean];
        }),
      );
    const watched = () => paras.map((p, i) => (io.observed.has(p) ? i : -1)).filter((i) => i >= 0);
    return { paras, nv, io, changes, scrollTo, report, watched };
  }

  it('watches only the elements near the viewport and their neighbours in document order, moving along with scrolling', async () => {
    const { paras, nv, report, watched, changes } = column(2000);
    for (const [i, p] of paras.entries()) nv.add(p, i);
    await flush();
    // Nothing reported yet: the neighbours of the anchors at the top (the first element, and the first after a
    // probe in the near region).
    const first = watched();
    expect(first).toEqual(Array.from({ length: RADIUS + 2 }, (_, i) => i));
    report();
    // Near: the first 80 (1,600 px); watched: those and RADIUS after them, not the 2,000.
    expect([...(changes.at(-1)?.near ?? [])].sort((a, b) => a - b)).toEqual(first);
    report();
    expect(watched()).toEqual(Array.from({ length: 80 + RADIUS }, (_, i) => i));
    expect(nv.watching).toBeLessThan(200);
  });

  it('follows a scroll step by step, and finds a far jump once scrolling settles', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { paras, nv, report, watched, scrollTo } = column(2000);
      for (const [i, p] of paras.entries()) nv.add(p, i);
      vi.advanceTimersByTime(1);
      report();
      report();
      // Scrolling one screen at a time, with the observer's reports in between: the watched set moves along.
      for (let y = 800; y <= 8000; y += 800) {
        scrollTo(y);
        report();
        report();
      }
      const near = (i: number) => watched().includes(i);
      expect(near(400)).toBe(true);
      // The top stays watched (the anchor's neighbours) until scrolling settles.
      vi.advanceTimersByTime(150);
      expect(near(0)).toBe(false);
      expect(nv.watching).toBeLessThan(250);
      // A jump far down (the scrollbar): nothing watched is near any more, until the scroll settles.
      scrollTo(30000);
      report();
      expect(near(1500)).toBe(false);
      vi.advanceTimersByTime(150);
      expect(near(1500)).toBe(true);
      report();
      report();
      // The viewport shows paragraphs 1,500 to 1,540: they and a screen around them are watched now.
      for (const i of [1460, 1500, 1540, 1579]) expect(near(i), String(i)).toBe(true);
      expect(near(400)).toBe(false);
      expect(nv.watching).toBeLessThan(250);
    } finally {
      vi.useRealTimers();
    }
  });

  it('finds a far jump also where sticky elements (first in the document, and one in its middle) stay in view', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      // A sticky header holding three mentions, first in document order, and a sticky note in the middle of the
      // document: always at the top of the viewport.
      const { paras, nv, report, watched, scrollTo } = column(2000, [0, 1, 2, 1000]);
      for (const [i, p] of paras.entries()) nv.add(p, i);
      vi.advanceTimersByTime(1);
      report();
      report();
      scrollTo(30000);
      vi.advanceTimersByTime(150);
      report();
      report();
      const w = watched();
      // The header is near (and watched) and so is the body text in view: paragraphs 1,500 to 1,540.
      for (const i of [0, 1460, 1500, 1540, 1579]) expect(w, String(i)).toContain(i);
      expect(w).not.toContain(400);
      expect(nv.watching).toBeLessThan(400);
    } finally {
      vi.useRealTimers();
    }
  });

  it('watches around an element at once when told the page is about to show it', async () => {
    const { paras, nv, watched } = column(2000);
    for (const [i, p] of paras.entries()) nv.add(p, i);
    await flush();
    expect(watched()).not.toContain(1234);
    nv.focus(paras[1234] as Element);
    expect(watched()).toContain(1234);
    expect(watched()).toContain(1234 - RADIUS);
    expect(watched()).toContain(1234 + RADIUS);
  });

  it('forgets deleted elements and keeps the order of the rest, also when they are added again out of order', async () => {
    const { paras, nv, io, watched } = column(600);
    for (const [i, p] of paras.entries()) nv.add(p, i);
    await flush();
    // Drop every other paragraph (a page removing half its mentions), then bring back a few in the middle.
    for (let i = 1; i < 600; i += 2) nv.delete(paras[i] as Element, i);
    for (const i of [301, 303]) nv.add(paras[i] as Element, i);
    await flush();
    nv.focus(paras[300] as Element);
    const w = watched();
    // Watched: RADIUS tracked elements on each side of 300 (the odd ones gone, but 301 and 303 back).
    expect(w).toContain(300);
    expect(w).toContain(301);
    expect(w).toContain(303);
    expect(w).not.toContain(299);
    expect(w).not.toContain(305);
    expect(w.length).toBe(2 * RADIUS + 1);
    expect(Math.min(...w)).toBe(300 - 2 * RADIUS);
    expect(io.observed.size).toBe(w.length);
  });

  it('keeps document order when elements are added out of order', async () => {
    const { paras, nv, watched } = column(500);
    // The second half first (a rescan), then the first half.
    for (let i = 250; i < 500; i++) nv.add(paras[i] as Element, i);
    for (let i = 0; i < 250; i++) nv.add(paras[i] as Element, i);
    await flush();
    // One run from the top, as in document order (out of order, the neighbourhoods would scatter).
    const w = watched();
    expect(w).toEqual(Array.from({ length: w.length }, (_, i) => i));
    expect(w.length).toBeGreaterThan(RADIUS);
    expect(w.length).toBeLessThanOrEqual(80 + RADIUS);
  });

  it('is unavailable without IntersectionObserver', () => {
    const nv = nearView<string>({} as Window & typeof globalThis, () => {});
    expect(nv.available).toBe(false);
    expect(nv.add(document.createElement('p'), 'x')).toBe(false);
  });
});

describe('Painter near the viewport', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    CSS.highlights.clear();
  });

  it(`registers every range up to ${WINDOW_FROM_RANGES}, then only those near the viewport`, async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    document.body.innerHTML = '';
    const paras = Array.from({ length: WINDOW_FROM_RANGES + 100 }, (_, i) => {
      const p = document.createElement('p');
      p.textContent = `WeChat ${i}`;
      document.body.append(p);
      return p;
    });
    const painter = new Painter(document);
    painter.setColors({ wechat: '#12b76a' });
    const ranges = paras.map((p) => {
      const r = document.createRange();
      r.setStart(p.firstChild as Text, 0);
      r.setEnd(p.firstChild as Text, 6);
      painter.add('wechat', r, document);
      return r;
    });
    painter.assert();
    const h = CSS.highlights.get('eight-reasons-wechat') as Highlight;
    // Up to the threshold everything went in; the ranges after it wait for the observer's report.
    expect(painter.counts()).toEqual({ painted: paras.length, registered: WINDOW_FROM_RANGES });
    // Watched after the current task; the anchors are placed after the next frame (this window has one).
    await flush();
    await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const io = FakeObserver.last as FakeObserver;
    // Not every element is watched: those around the anchors (here, with no layout, no probe has a box: the last
    // ones, as when everything is above).
    expect(io.observed.size).toBeLessThanOrEqual(2 * RADIUS + 1);

    // The first report: of what is watched, ten paragraphs near the viewport, the rest away.
    const nearEnd = (i: number) => i >= paras.length - 10;
    io.report(paras.flatMap((p, i) => (io.observed.has(p) ? [[p, nearEnd(i)] as [Element, boolean]] : [])));
    expect(h.size).toBe(10);
    expect(h.has(ranges.at(-1) as Range)).toBe(true);
    expect(h.has(ranges[0] as Range)).toBe(false);
    expect(h.has(ranges[WINDOW_FROM_RANGES + 50] as Range)).toBe(false);

    // A jump to the top (a reveal): the flash's range is watched at once and, once reported near, painted.
    painter.setFlash(ranges[0] as Range);
    expect(io.observed.has(paras[0] as Element)).toBe(true);
    painter.setFlash(null);
    painter.delete('wechat', ranges.at(-1) as Range);
    io.report(paras.flatMap((p, i) => (io.observed.has(p) ? [[p, i < 10] as [Element, boolean]] : [])));
    expect(h.has(ranges[0] as Range)).toBe(true);
    expect(h.has(ranges.at(-2) as Range)).toBe(false);
    expect(h.size).toBe(10);
    expect(io.observed.has(paras.at(-1) as Element)).toBe(false);

    painter.clear();
    expect(io.disconnected).toBe(true);
    expect(painter.counts()).toEqual({ painted: 0, registered: 0 });
  });
});
