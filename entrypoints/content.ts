/**
 * Wires the page engine to settings, messages and the pointer. Runs in every frame of http(s) pages (and their
 * about:blank / srcdoc frames); each frame reports its own summary and the background merges them by frameId.
 *
 * Trust: pages are hostile. Only trusted input (event.isTrusted) reaches the hover card and the side panel
 * (content/pointer.ts); only our own extension pages may ask us to reveal or step (platform/content-messages.ts);
 * every listener and timer is guarded (content/guard.ts) so our errors never reach the page, and tied to the
 * script's one AbortSignal so nothing outlives it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { buildCard, hideCard, showCard, warmCard } from '@/components/hover-card';
import cardCss from '@/components/hover-card.css?inline';
import { CardHost, type CardView, warmUp } from '@/content/card-host';
import { Commands } from '@/content/commands';
import { guard, quiet } from '@/content/guard';
import { Lifecycle } from '@/content/lifecycle';
import { NotebookMarks } from '@/content/notebook-marks';
import { watchPointer } from '@/content/pointer';
import type { PageMention } from '@/content/types';
import { takeCommands, tell } from '@/platform/content-messages';
import { askCueText, cueDataFrom } from '@/platform/cue-request';
import { t } from '@/platform/i18n';
import { onSettings, readSettings } from '@/platform/settings-read';
import { useCueData } from '@/utils/link';
import type { MentionOverlay } from '@/utils/notebook/overlay';
import type { FrameSummary } from '@/utils/types';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    // Asked now, so that the background's answer travels while the settings are read.
    const cueText = askCueText();
    void run(ctx, cueText).catch(quiet);
  },
});

const CARD_VIEW: CardView = { css: cardCss, build: buildCard, show: showCard, warm: warmCard, hide: hideCard };

async function run(ctx: ContentScriptContext, cueText: Promise<string | null>): Promise<void> {
  const settings = await readSettings();
  const cueAnswer = await cueText;
  // Read on the linker's first need; the locale only when the background gave nothing (platform/cue-request.ts).
  useCueData(() => cueDataFrom(cueAnswer, () => t('cue_data')));
  if (ctx.isInvalid) return;
  const signal = ctx.signal;

  const card = new CardHost(document, CARD_VIEW);
  const marks = new NotebookMarks();
  const stopping = () => {
    card.remove();
    marks.clear();
  };
  const page: Lifecycle = new Lifecycle(document, settings, { report, stopping }, signal);
  const colorOf = (m: PageMention) => page.settings.colors[m.info.entity];

  function report(summary: FrameSummary): void {
    tell('summary', { summary }, stopIfGone);
    const first = summary.mentions[0];
    if (first) warmOnce(first);
  }
  let warmed = false;
  function warmOnce(first: FrameSummary['mentions'][number]): void {
    if (warmed) return;
    warmed = true;
    warmUp(card, first, page.settings.colors[first.entity], () => page.engine !== null, signal);
  }
  function stopIfGone(): void {
    if (ctx.isInvalid) page.stop(false);
  }
  function openReason(m: PageMention, action?: 'keep' | 'correct'): void {
    // Synchronous in the click handler: the user gesture must reach the background untouched. A mention about none
    // of the arguments (reason null) opens the page's mentions.
    tell('open-reason', { reason: marks.of(m).info.link.reason, mentionId: m.info.id, action }, stopIfGone);
  }

  page.apply(settings);
  const unwatch = onSettings(guard((s) => page.apply(s)));
  // After an update the old context's extension APIs throw ("Extension context invalidated"): guard every cleanup.
  signal.addEventListener('abort', guard(unwatch), { once: true });
  ctx.addEventListener(
    window,
    'wxt:locationchange',
    guard(() => page.locationChanged()),
  );

  const commands = new Commands(
    {
      engine: () => page.engine,
      hideCard: () => card.hide(),
      showCard: (m, x, y) => card.show(marks.of(m), x, y, colorOf(m)),
    },
    signal,
  );
  takePageCommands(
    page,
    commands,
    (overlay) => {
      page.engine?.markKept(marks.set(overlay));
      card.hide();
    },
    signal,
  );

  watchMentions(page, card, marks, openReason, signal);
}

/** The trusted pointer over the page's mentions: hover shows the card, a click opens the mention's reason. */
function watchMentions(
  page: Lifecycle,
  card: CardHost,
  marks: NotebookMarks,
  openReason: (m: PageMention, action?: 'keep' | 'correct') => void,
  signal: AbortSignal,
): void {
  const mentionAt = (x: number, y: number) => {
    const m = page.engine?.mentionAt(x, y);
    return m ? marks.of(m) : null;
  };
  watchPointer(
    document,
    {
      isOurs: (target) => card.isHost(target),
      hover: (x, y) => {
        const m = mentionAt(x, y);
        if (!m) card.hide();
        // By id: the notebook's overlay hands out a fresh object for the same mention.
        else if (m.info.id !== card.shown?.info.id || m.range !== card.shown.range)
          card.show(m, x, y, page.settings.colors[m.info.entity]);
      },
      click: (x, y) => {
        const m = mentionAt(x, y);
        if (m) openReason(m);
      },
      clickCard: (action) => {
        const m = card.shown;
        if (m) openReason(m, action === 'keep' || action === 'correct' ? action : undefined);
      },
      away: () => card.hide(),
    },
    () => page.engine !== null,
    signal,
  );
}

/** What our pages and background may ask of this frame: report again, reveal, step, the notebook's overlay. */
function takePageCommands(
  page: Lifecycle,
  commands: Commands,
  onOverlay: (overlay: MentionOverlay[]) => void,
  signal: AbortSignal,
): void {
  takeCommands(
    {
      'request-summary': () => void page.reportAgain(),
      reveal: ({ mentionId }) => commands.reveal(mentionId),
      step: ({ direction, entities, reasons }) => commands.step(direction, { entities, reasons }),
      'notebook-overlay': ({ overlay }) => {
        onOverlay(overlay);
        return undefined;
      },
    },
    signal,
    quiet,
  );
}
