/**
 * Property: for random DOM trees, the engine finds exactly what a reference
 * finds in the visible text of each run between boundaries, and every range
 * spells its alias. The reference is computed from the generated tree itself,
 * not from the DOM, so it shares no code with the walker.
 *
 * Hidden content is generated as hidden block elements. (A name split by a
 * hidden *inline* fragment is outside this property: the prefilter reads the
 * raw text of a run, see README "What is matched".)
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { findMatches, normalizeForMatch } from '@/utils/match';
import { CORE, makeEngine, registry, setBody, stopAll } from './helpers/engine';

type Tree =
  | { t: 'text'; s: string }
  | { t: 'inline'; tag: string; kids: Tree[] }
  | { t: 'block'; tag: string; hidden: boolean; kids: Tree[] }
  | { t: 'br' };

const PIECES = [
  'We',
  'Chat',
  'WeChat',
  'Wei',
  'xin',
  'Weixin',
  'Tao',
  'bao',
  'Taobao',
  '.com',
  'Ali',
  'baba',
  'Alibaba',
  ' Group',
  ' Pay',
  '微',
  '信',
  '淘宝',
  '阿里',
  '巴巴',
  '网',
  ' ',
  's',
  'ty',
  ', ',
  '. ',
  'the shop ',
  '\u00ad',
  'Ｗｅ',
  'ｃｈａｔ',
  "'s ",
];

const piece = fc.constantFrom(...PIECES);
const text = fc.array(piece, { minLength: 1, maxLength: 4 }).map((p): Tree => ({ t: 'text', s: p.join('') }));

const tree: fc.Arbitrary<Tree[]> = fc.letrec<{ node: Tree; nodes: Tree[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    text,
    fc.constant<Tree>({ t: 'br' }),
    fc.record({
      t: fc.constant('inline' as const),
      tag: fc.constantFrom('b', 'span', 'i', 'a', 'em'),
      kids: tie('nodes') as fc.Arbitrary<Tree[]>,
    }),
    fc.record({
      t: fc.constant('block' as const),
      tag: fc.constantFrom('div', 'p', 'li', 'section'),
      hidden: fc.boolean(),
      kids: tie('nodes') as fc.Arbitrary<Tree[]>,
    }),
  ),
  nodes: fc.array(tie('node') as fc.Arbitrary<Tree>, { maxLength: 4 }),
})).nodes;

/** Built with DOM calls, not innerHTML: the HTML parser would move a <div> out of a <p>, unlike the tree says. */
function build(parent: Node, nodes: Tree[]): void {
  for (const n of nodes) {
    if (n.t === 'text') parent.appendChild(document.createTextNode(n.s));
    else if (n.t === 'br') parent.appendChild(document.createElement('br'));
    else {
      const el = document.createElement(n.tag);
      if (n.t === 'block' && n.hidden) el.hidden = true;
      build(el, n.kids);
      parent.appendChild(el);
    }
  }
}

/** Runs of visible text between boundaries, in document order. */
function visibleRuns(nodes: Tree[]): string[] {
  const runs: string[] = [];
  let cur = '';
  const cut = () => {
    if (cur) runs.push(cur);
    cur = '';
  };
  const visit = (list: Tree[], hidden: boolean) => {
    for (const n of list) {
      if (n.t === 'text') {
        if (!hidden) cur += n.s;
      } else if (n.t === 'br') cut();
      else if (n.t === 'inline') visit(n.kids, hidden);
      else {
        cut();
        visit(n.kids, hidden || n.hidden);
        cut();
      }
    }
  };
  visit(nodes, false);
  cut();
  return runs;
}

afterEach(() => {
  stopAll();
  document.body.innerHTML = '';
  registry().clear();
});

describe('engine property: DOM mentions = reference mentions in visible text', () => {
  it('holds for random trees', async () => {
    let withMentions = 0;
    await fc.assert(
      fc.asyncProperty(tree, async (nodes) => {
        setBody('<main></main>');
        build(document.querySelector('main') as HTMLElement, nodes);
        const expected = visibleRuns(nodes).flatMap((run) =>
          findMatches(run, CORE).map((m) => `${m.entity}:${run.slice(m.start, m.end)}`),
        );
        if (expected.length > 0) withMentions++;
        const { engine } = makeEngine();
        try {
          await engine.start();
          const got = engine.summary().mentions.map((m) => `${m.entity}:${m.text}`);
          expect(got).toEqual(expected);
          // Every painted range spells its alias (as a reader sees it).
          for (const [name, h] of registry()) {
            for (const r of h) {
              const seen = normalizeForMatch((r as Range).toString())
                .replace(/\s+/g, ' ')
                .toLowerCase();
              const entity = name.replace('eight-reasons-', '');
              const aliases = findMatches(seen, CORE)
                .filter((m) => m.entity === entity && m.start === 0 && m.end === seen.length)
                .map((m) => m.alias);
              expect(aliases, seen).toHaveLength(1);
            }
          }
        } finally {
          engine.stop();
        }
        expect(registry().size).toBe(0);
      }),
      { numRuns: 150 },
    );
    // The generator must actually exercise matching, not only empty pages.
    expect(withMentions).toBeGreaterThan(15);
  }, 120_000);
});
