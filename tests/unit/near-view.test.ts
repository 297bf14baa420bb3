import { afterEach, describe, expect, it, vi } from 'vitest';
import { WINDOW_FROM_RANGES } from '@/content/limits';
import { NearView } from '@/content/near-view';
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

function setup() {
  const changes: Array<{ near: string[]; away: string[] }> = [];
  const view = { IntersectionObserver: FakeObserver } as unknown as Window & typeof globalThis;
  const nv = new NearView<string>(view, (near, away) => changes.push({ near, away }));
  return { nv, changes, io: FakeObserver.last as FakeObserver };
}

describe('NearView', () => {
  it('observes each element once and reports its items as they come near and go away', () => {
    const { nv, changes, io } = setup();
    const a = document.createElement('p');
    const b = document.createElement('p');
    expect(nv.add(a, 'a1')).toBe(false);
    expect(nv.add(a, 'a2')).toBe(false);
    expect(nv.add(b, 'b1')).toBe(false);
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

  it('counts an element without a box as near, and forgets elements whose items are gone', () => {
    const { nv, changes, io } = setup();
    const contents = document.createElement('span');
    nv.add(contents, 'c');
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

  it('is unavailable without IntersectionObserver', () => {
    const nv = new NearView<string>({} as Window & typeof globalThis, () => {});
    expect(nv.available).toBe(false);
    expect(nv.add(document.createElement('p'), 'x')).toBe(false);
  });
});

describe('Painter near the viewport', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    CSS.highlights.clear();
  });

  it(`registers every range up to ${WINDOW_FROM_RANGES}, then only those near the viewport`, () => {
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
    const io = FakeObserver.last as FakeObserver;
    expect(io.observed.size).toBe(paras.length);

    // The first report: ten paragraphs near the viewport, the rest away.
    io.report(paras.map((p, i) => [p, i < 10] as [Element, boolean]));
    expect(h.size).toBe(10);
    expect(h.has(ranges[0] as Range)).toBe(true);
    expect(h.has(ranges[WINDOW_FROM_RANGES + 50] as Range)).toBe(false);

    // Scrolled: the far end comes near, the top goes away; a dropped range stays out.
    painter.delete('wechat', ranges.at(-1) as Range);
    io.report(paras.map((p, i) => [p, i >= paras.length - 10] as [Element, boolean]));
    expect(h.size).toBe(9);
    expect(h.has(ranges.at(-2) as Range)).toBe(true);
    expect(io.observed.size).toBe(paras.length - 1);

    painter.clear();
    expect(io.disconnected).toBe(true);
    expect(painter.counts()).toEqual({ painted: 0, registered: 0 });
  });
});
