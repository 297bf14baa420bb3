/** Shared helpers for the content-engine tests (happy-dom, no layout). */
import { createEngine } from '@/content/engine';
import type { EngineOptions } from '@/content/types';
import { fallbackVisibility } from '@/content/visibility';
import { DEFAULT_SETTINGS } from '@/platform/settings';
import type { EntityId, FrameSummary } from '@/utils/types';

export const CORE: EntityId[] = ['wechat', 'taobao', 'alibaba'];

export function setBody(html: string): void {
  document.body.innerHTML = html;
}

const live = new Set<AbortController>();

/** Stops every engine a test made (a failed test must not leave an observer running). */
export function stopAll(): void {
  for (const c of live) c.abort();
  live.clear();
}

export function makeEngine(over: Partial<EngineOptions> = {}) {
  const controller = new AbortController();
  live.add(controller);
  const summaries: FrameSummary[] = [];
  const engine = createEngine(document, {
    entities: CORE,
    colors: DEFAULT_SETTINGS.colors,
    onChange: (s) => summaries.push(s),
    signal: controller.signal,
    layout: { isVisible: fallbackVisibility },
    ...over,
  });
  return { engine, controller, summaries };
}

/** Lets the MutationObserver deliver and the debounced rescan run. */
export async function settle(ms = 700): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

export function registry(): Map<string, Set<AbstractRange>> {
  return (globalThis as unknown as { CSS: { highlights: Map<string, Set<AbstractRange>> } }).CSS.highlights;
}

export function painted(entity: EntityId): string[] {
  const h = registry().get(`eight-reasons-${entity}`);
  return h ? [...h].map((r) => (r as Range).toString()) : [];
}

/** A serialisation of the DOM that shows text node boundaries. */
export function domShape(root: Node): string {
  const out: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) out.push(`#${JSON.stringify((n as Text).data)}`);
    else if (n.nodeType === 1) {
      const el = n as Element;
      out.push(`<${el.localName}${[...el.attributes].map((a) => ` ${a.name}="${a.value}"`).join('')}>`);
      for (const c of el.childNodes) walk(c);
      out.push(`</${el.localName}>`);
    }
  };
  walk(root);
  return out.join('');
}
