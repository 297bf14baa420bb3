/**
 * Stand-in engine used ONLY while content/engine.ts does not exist yet, so
 * the harness can be exercised end to end. Results produced with it are
 * flagged `engine: "stub"` and mean nothing about the product.
 */
import type { Engine, EngineOptions } from '@/content/types';
import { ENTITIES } from '@/utils/entities';
import type { FrameSummary, MentionInfo } from '@/utils/types';

export function createEngine(doc: Document, options: EngineOptions): Engine {
  const active = ENTITIES.filter((e) => options.entities.includes(e.id));
  const pattern = new RegExp(active.flatMap((e) => e.aliases).join('|'), 'gi');
  const entityOf = (s: string) =>
    active.find((e) => e.aliases.some((a) => a.toLowerCase() === s.toLowerCase()))?.id ?? 'wechat';
  const mentions: MentionInfo[] = [];
  const ranges: Range[] = [];
  const summary = (): FrameSummary => ({
    url: doc.URL,
    mentions,
    total: mentions.length,
    capped: false,
    paused: false,
  });
  const stop = () => {
    for (const e of active) CSS.highlights.delete(`eight-reasons-${e.id}`);
    mentions.length = 0;
    ranges.length = 0;
  };
  return {
    async start() {
      const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
      const hl = new Map(active.map((e) => [e.id, new Highlight()]));
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = (n as Text).data;
        for (const m of text.matchAll(pattern)) {
          const r = doc.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          const entity = entityOf(m[0]);
          ranges.push(r);
          hl.get(entity)?.add(r);
          mentions.push({
            id: mentions.length,
            entity,
            text: m[0],
            snippet: '',
            link: { reason: null, firm: false, cues: [], confidence: 0, source: 'none' },
          });
        }
      }
      for (const [id, h] of hl) CSS.highlights.set(`eight-reasons-${id}`, h);
      options.onChange(summary());
    },
    stop,
    update() {},
    mentionAt: () => null,
    reveal: () => false,
    mentionById: () => null,
    step: () => null,
    summary,
  };
}
