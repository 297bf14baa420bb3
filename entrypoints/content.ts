/**
 * Wires the page engine to settings, messages and the pointer. Runs in every
 * frame of http(s) pages (and their about:blank / srcdoc frames); each frame
 * reports its own summary and the background merges them by frameId.
 *
 * Trust: pages are hostile. Only trusted input (event.isTrusted) reaches the
 * hover card and the side panel; only our own extension pages may ask us to
 * reveal or step; every entry point is guarded so our errors never reach the page.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { buildCard, hideCard, showCard, warmCard } from '@/components/hover-card';
import cardCss from '@/components/hover-card.css?inline';
import { adoptSheet } from '@/content/adopted-sheets';
import { createEngine } from '@/content/engine';
import { HOST_TAG } from '@/content/rules';
import type { Engine, PageMention } from '@/content/types';
import { askCueText, cueDataFrom } from '@/platform/cue-request';
import { t } from '@/platform/i18n';
import { call, fromOwnPage, handle } from '@/platform/messaging';
import { onSettings, readSettings } from '@/platform/settings-read';
import { ENTITY_IDS } from '@/utils/entities';
import { useCueData } from '@/utils/link';
import { CONTENT_TO_BACKGROUND, type ContentToBackground, type RequestOf, TO_CONTENT } from '@/utils/protocol';
import { isActiveFor, type Settings } from '@/utils/settings-schema';
import type { EntityId, FrameSummary } from '@/utils/types';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    // Asked now, so that the background's answer travels while the settings are read.
    const cueText = askCueText((m) => browser.runtime.sendMessage(m));
    void run(ctx, cueText).catch(quiet);
  },
});

/** How long without scroll events before a revealed mention's card opens. */
const SCROLL_QUIET_MS = 250;

function quiet(error: unknown): void {
  try {
    console.debug('[eight-reasons]', error);
  } catch {
    // ignore
  }
}

/** Runs `fn`, swallowing our own errors: nothing we do may throw into the page's event loop. */
function guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      fn(...args);
    } catch (e) {
      quiet(e);
    }
  };
}

function enabledEntities(s: Settings): EntityId[] {
  return ENTITY_IDS.filter((id) => s.entities[id]);
}

function pausedSummary(): FrameSummary {
  return { url: location.href, mentions: [], total: 0, capped: false, paused: true };
}

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: split into small modules in a following commit
async function run(ctx: ContentScriptContext, cueText: Promise<string | null>): Promise<void> {
  let settings = await readSettings();
  const cueAnswer = await cueText;
  // Read on the linker's first need; the locale only when the background gave nothing (platform/cue-request.ts).
  useCueData(() => cueDataFrom(cueAnswer, () => t('cue_data')));
  if (ctx.isInvalid) return;

  let engine: Engine | null = null;
  let engineAbort: AbortController | null = null;
  let lastSummary: FrameSummary = pausedSummary();
  /**
   * Our one element in the page: created when the first card is warmed or shown, put back if the page removes or
   * moves it, removed when highlighting is turned off.
   */
  let ui: { host: HTMLElement; container: HTMLElement } | null = null;
  /** The mention whose card is showing. */
  let shown: PageMention | null = null;

  function send<N extends 'summary' | 'open-reason'>(name: N, request: RequestOf<ContentToBackground, N>): void {
    void call(CONTENT_TO_BACKGROUND, name, request).then((result) => {
      // The background may be asleep or the extension reloaded; ask the context.
      if (!result.ok && ctx.isInvalid) stopEngine(false);
    });
  }

  function report(summary: FrameSummary): void {
    lastSummary = summary;
    send('summary', { summary });
    if (summary.mentions.length) warmUp();
  }

  /**
   * A page's first card pays once for what later cards do not: our host and shadow root, the locale's first read
   * and the browser's font lookups in its first layout (15 to 24 ms in the hover's frame on qq and bug-1255978,
   * `npm run bench:hover`). Once the page has a mention, that is done in idle time with the first mention's card,
   * laid out hidden and removed at once; a person's first hover then costs what a second one does. Two idle tasks,
   * so that neither is long: the host and the card's text, then its layout (on a page of 76,000 elements these
   * took 5 and 9 ms).
   */
  let warmed = false;
  function warmUp(): void {
    if (warmed) return;
    warmed = true;
    const idle = (fn: () => void) => ctx.requestIdleCallback(guard(fn), { timeout: 2000 });
    idle(() => {
      const m = lastSummary.mentions[0];
      if (!engine || shown || !m || !ensureUi()) return;
      const card = buildCard(document, m, settings.colors[m.entity]);
      idle(() => {
        const target = ui;
        if (engine && !shown && target) warmCard(target.container, card);
      });
    });
  }

  function startEngine(): void {
    engineAbort = new AbortController();
    const e = createEngine(document, {
      entities: enabledEntities(settings),
      colors: settings.colors,
      onChange: report,
      signal: engineAbort.signal,
    });
    engine = e;
    void e.start();
  }

  function stopEngine(announce: boolean): void {
    hide();
    // Off leaves the page as it was: our host goes too (the next hover after turning on puts it back).
    ui?.host.remove();
    engineAbort?.abort();
    engineAbort = null;
    engine = null;
    if (announce) report(pausedSummary());
  }

  function apply(next: Settings): void {
    settings = next;
    const active = isActiveFor(settings, location.href);
    if (!active) {
      if (engine || !lastSummary.paused) stopEngine(true);
      else report(pausedSummary());
    } else if (engine) {
      engine.update({ entities: enabledEntities(settings), colors: settings.colors });
    } else {
      startEngine();
    }
  }

  ctx.onInvalidated(guard(() => stopEngine(false)));
  apply(settings);
  const unwatch = onSettings(guard((s: Settings) => apply(s)));
  // After an update the old context's extension APIs throw ("Extension context invalidated"): guard every cleanup.
  ctx.onInvalidated(guard(unwatch));

  // SPA navigation: the URL changed (paused sites are per origin, and the summary carries the URL).
  ctx.addEventListener(
    window,
    'wxt:locationchange',
    guard(() => {
      if (engine && isActiveFor(settings, location.href)) report(engine.summary());
      else apply(settings);
    }),
  );

  // ---- messages from our own pages (panel, popup, background) ----------

  const stopHandling = handle(
    TO_CONTENT,
    {
      'request-summary': () => void report(engine ? engine.summary() : pausedSummary()),
      reveal: ({ mentionId }) => {
        hide();
        const found = engine?.reveal(mentionId) ?? false;
        if (found) showAfterScroll(mentionId);
        // Sub-frames without the mention stay silent so the frame that has it answers.
        if (!found && window !== window.top) return undefined;
        return found;
      },
      step: ({ direction, entities, reasons }) => {
        hide();
        const id = engine?.step(direction, { entities, reasons }) ?? null;
        if (id !== null) showAfterScroll(id);
        return id;
      },
    },
    { isAllowedSender: fromOwnPage, onError: quiet },
  );
  ctx.onInvalidated(guard(stopHandling));

  // ---- hover card --------------------------------------------------------

  function hostStyle(host: HTMLElement): void {
    // Zero-size, fixed, on top: adds no box to the page's layout. Inline !important beats page rules.
    host.style.cssText =
      'all:initial!important;position:fixed!important;top:0!important;left:0!important;width:0!important;' +
      'height:0!important;overflow:visible!important;display:block!important;z-index:2147483647!important;' +
      'pointer-events:none!important;contain:style!important;';
  }

  function ensureUi(): { host: HTMLElement; container: HTMLElement } | null {
    if (!ui) {
      const host = document.createElement(HOST_TAG);
      hostStyle(host);
      const shadow = host.attachShadow({ mode: 'open' });
      try {
        // A constructed sheet: a page's CSP on <style> elements does not apply to it.
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(cardCss);
        adoptSheet(shadow, sheet);
      } catch (e) {
        quiet(e);
      }
      const container = document.createElement('div');
      shadow.append(container);
      ui = { host, container };
    }
    if (ui.host.parentNode !== document.documentElement) {
      hostStyle(ui.host);
      document.documentElement.append(ui.host);
    }
    return ui;
  }

  function anchorRect(m: PageMention, x: number, y: number): DOMRect {
    const rects = m.range.getClientRects();
    for (const r of rects) if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return r;
    return m.range.getBoundingClientRect();
  }

  function show(m: PageMention, x: number, y: number): void {
    const target = ensureUi();
    if (!target) return;
    shown = m;
    const r = anchorRect(m, x, y);
    showCard(target.container, m.info, { left: r.left, top: r.top, bottom: r.bottom }, settings.colors[m.info.entity]);
  }

  /**
   * Keyboard users reach the hover card through the panel's mention list: after
   * "jump to" (or next/previous) the card opens beside the revealed mention once
   * the scroll has settled. It takes no focus; the panel announces the mention.
   */
  let pendingReveal = 0;
  function showAfterScroll(id: number): void {
    const ticket = ++pendingReveal;
    let settled = false;
    let quietTimer = 0;
    const settle = guard(() => {
      if (settled || ticket !== pendingReveal) return;
      settled = true;
      window.removeEventListener('scroll', restart);
      window.removeEventListener('scrollend', settle);
      const m = engine?.mentionById(id);
      if (!m) return;
      const r = m.range.getBoundingClientRect();
      show(m, r.left + 1, r.top + 1);
    });
    // Settle on scrollend, or once no scroll event came for a moment (instant or no scroll).
    const restart = () => {
      clearTimeout(quietTimer);
      quietTimer = ctx.setTimeout(settle, SCROLL_QUIET_MS);
    };
    window.addEventListener('scroll', restart, { passive: true });
    window.addEventListener('scrollend', settle, { passive: true });
    restart();
  }

  function hide(): void {
    if (!shown) return;
    shown = null;
    if (ui) hideCard(ui.container);
  }

  function openReason(m: PageMention): void {
    // Synchronous in the click handler: the user gesture must reach the background untouched.
    if (m.info.link.reason === null) return;
    send('open-reason', { reason: m.info.link.reason, mentionId: m.info.id });
  }

  function isOurs(target: EventTarget | null): boolean {
    return !!ui && target === ui.host;
  }

  let frame = 0;
  let px = 0;
  let py = 0;
  const onMove = guard((e: PointerEvent) => {
    if (!e.isTrusted || !engine) return;
    if (isOurs(e.target)) return; // on the card: keep it
    px = e.clientX;
    py = e.clientY;
    if (frame) return;
    frame = requestAnimationFrame(
      guard(() => {
        frame = 0;
        if (ctx.isInvalid) return;
        const m = engine?.mentionAt(px, py) ?? null;
        if (!m) hide();
        else if (m !== shown) show(m, px, py);
      }),
    );
  });
  ctx.onInvalidated(
    guard(() => {
      if (frame) cancelAnimationFrame(frame);
    }),
  );

  const onClick = guard((e: MouseEvent) => {
    if (!e.isTrusted || e.button !== 0 || !engine) return;
    if (isOurs(e.target)) {
      if (shown) openReason(shown);
      return;
    }
    // A drag that selected text is not a click on the mention.
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) return;
    const m = engine.mentionAt(e.clientX, e.clientY);
    if (m) openReason(m);
  });

  const onKey = guard((e: KeyboardEvent) => {
    if (e.isTrusted && e.key === 'Escape') hide();
  });
  const onAway = guard((e: Event) => {
    if (!e.isTrusted) return;
    if (e.type === 'mouseout' && (e as MouseEvent).relatedTarget !== null) return;
    hide();
  });

  const passive = { passive: true, capture: true };
  ctx.addEventListener(document, 'pointermove', onMove, passive);
  ctx.addEventListener(document, 'click', onClick, { capture: true });
  ctx.addEventListener(window, 'keydown', onKey, { capture: true });
  ctx.addEventListener(window, 'scroll', onAway, passive);
  ctx.addEventListener(document, 'mouseout', onAway, passive);
  ctx.addEventListener(window, 'blur', onAway, passive);
}
