/**
 * What the panel's mention list does with the notebook: keep a mention's
 * sentence as evidence, correct its link, undo a correction. Each sends one
 * notebook call and says how it went; the background then tells every view
 * and the page (notebook-changed, notebook-overlay).
 */
import type { KeepValues } from '@/components/notebook/keep-form';
import { type ErrorCode, written } from '@/components/notebook/notebook-state';
import type { NotebookApi } from '@/utils/notebook/calls';
import { detectLang } from '@/utils/notebook/text';
import type { MentionInfo, ReasonNumber, TabSummary } from '@/utils/types';

export interface MentionNotebook {
  keep(tab: TabSummary, m: MentionInfo, values: KeepValues): Promise<ErrorCode | null>;
  correct(tab: TabSummary, m: MentionInfo, corrected: ReasonNumber | null): Promise<ErrorCode | null>;
  undo(correctionId: string): Promise<ErrorCode | null>;
}

export function createMentionNotebook(api: NotebookApi): MentionNotebook {
  return {
    keep: (tab, m, values) =>
      written(() =>
        api('nb-keep', {
          // The store keys by the address without its fragment (pageUrlOf).
          pageUrl: tab.url,
          title: tab.title || tab.url,
          sentence: m.sentence,
          entity: m.entity,
          reason: values.reason,
          stance: values.stance,
          ...(values.note ? { note: values.note } : {}),
        }),
      ),
    correct: (tab, m, corrected) =>
      written(() =>
        api('nb-correct', {
          pageUrl: tab.url,
          sentence: m.sentence,
          entity: m.entity,
          lang: detectLang(m.sentence),
          original: { reason: m.link.source === 'reader' ? null : m.link.reason, firm: m.link.firm },
          corrected,
        }),
      ),
    undo: (correctionId) => written(() => api('nb-undo-correction', { id: correctionId })),
  };
}
