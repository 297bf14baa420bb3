/**
 * Breakdown of our pass into its parts, each timed on its own with the
 * engine's own modules: the walk alone, the walk plus the prefilter, the
 * first (cold) use of the matcher and of the linker, visibility checks and
 * linking of the found mentions. Used by `bench phases` to explain a miss.
 */
import { copySegment, findInBlock } from '@/content/find';
import { walkText } from '@/content/scan';
import { cachedVisibility, defaultVisibility } from '@/content/visibility';
import { Slice } from '@/content/yield';
import { CORE_ENTITY_IDS } from '@/utils/entities';
import { contextAround, linkMention } from '@/utils/link';
import { findMatches, hasCandidate } from '@/utils/match';
import '../../tests/cue-data-setup';

const entities = CORE_ENTITY_IDS;
const now = () => performance.now();

/** First call of each pure part, on a tiny input: what a page pays once per load. */
function coldInit() {
  const t0 = now();
  hasCandidate('warm up WeChat', entities);
  const t1 = now();
  findMatches('warm up 微信 WeChat', entities);
  const t2 = now();
  linkMention('wechat', 'WeChat official accounts gain followers.', 'WeChat official accounts gain followers.');
  const t3 = now();
  return { matcherMs: t1 - t0, findMs: t2 - t1, linkerMs: t3 - t2 };
}

/** The walk with a consumer that does `work` per segment; counts segments and chars. */
async function walk(work: 'none' | 'prefilter' | 'find' | 'full') {
  let segments = 0;
  let chars = 0;
  let candidates = 0;
  let found = 0;
  let findMs = 0;
  let linkMs = 0;
  const visibility = cachedVisibility(defaultVisibility);
  const t0 = now();
  await walkText(document, {
    mode: 'all',
    slice: new Slice(),
    isStale: () => false,
    onSegment: (seg) => {
      segments++;
      chars += seg.text.length;
      if (work === 'none') return undefined;
      if (!hasCandidate(seg.text, entities)) return undefined;
      candidates++;
      if (work === 'prefilter') return undefined;
      const a = now();
      const block = copySegment(seg);
      const res = findInBlock(block, entities, visibility);
      found += res.found.length;
      const b = now();
      findMs += b - a;
      if (work === 'full') {
        for (const loc of res.found) {
          const m = loc.match;
          const ctx = contextAround(res.block.text, m.start, m.end);
          linkMention(m.entity, ctx.sentence, res.block.text);
        }
        linkMs += now() - b;
      }
      return undefined;
    },
  });
  return { ms: now() - t0, segments, chars, candidates, found, findMs, linkMs };
}

/** Walk in one go with no slicing at all (a budget no walk reaches). */
async function walkUnsliced() {
  let segments = 0;
  const t0 = now();
  await walkText(document, {
    mode: 'all',
    slice: new Slice(1e9),
    isStale: () => false,
    onSegment: () => {
      segments++;
      return undefined;
    },
  });
  return { ms: now() - t0, segments };
}

/** A page-wide native prefilter: the body's textContent and one hasCandidate over it (pages without any name skip the walk). */
function wholeText() {
  const t0 = now();
  const text = document.body?.textContent ?? '';
  const t1 = now();
  const any = hasCandidate(text, entities);
  return { textContentMs: t1 - t0, prefilterMs: now() - t1, chars: text.length, any };
}

function counts() {
  return { elements: document.getElementsByTagName('*').length, all: countNodes(document) };
}
function countNodes(root: Node): number {
  let n = 0;
  const w = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  while (w.nextNode()) n++;
  return n;
}

const api = { coldInit, walk, walkUnsliced, wholeText, counts };
(window as unknown as { __erPhases: typeof api }).__erPhases = api;
