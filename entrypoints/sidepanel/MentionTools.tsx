/**
 * Under each mention of the panel's list: "Keep as evidence" and "Correct
 * the link", each opening its form in place (one form at a time), and a
 * mark when the sentence is kept.
 */

import { mentionKey, type PanelMention } from '@/components/mention-model';
import { CorrectLink } from '@/components/notebook/correct-link';
import { KeepForm } from '@/components/notebook/keep-form';
import { errorText } from '@/components/notebook/labels';
import { t } from '@/platform/i18n';
import type { MentionAction } from '@/utils/protocol';
import type { PanelState } from './state';

export function MentionTools({ state, m }: { state: PanelState; m: PanelMention }) {
  const key = mentionKey(m);
  const form = state.form.value?.key === key ? state.form.value.action : null;
  const tab = state.summary.value;
  const open = (action: MentionAction | null) => {
    state.form.value = action ? { key, action } : null;
  };
  const done = (code: string | null, ok: string) => {
    state.announcement.value = code ? errorText(code as Parameters<typeof errorText>[0]) : ok;
    if (!code) open(null);
  };
  return (
    <div class="nb-mention-tools">
      {m.kept && (
        <span class="nb-kept-badge" data-testid="mention-kept">
          {t('nb_kept_badge')}
        </span>
      )}
      {(['keep', 'correct'] as const).map((action) => (
        <button
          key={action}
          type="button"
          class="link-button"
          data-testid={`mention-${action}`}
          aria-expanded={form === action}
          onClick={() => open(form === action ? null : action)}
        >
          {t(action === 'keep' ? 'nb_keep_title' : 'nb_correct_title')}
        </button>
      ))}
      {form === 'keep' && tab && (
        <KeepForm
          sentence={m.sentence}
          defaultReason={m.link.reason}
          onSave={async (values) => {
            const code = await state.notebook.mentions.keep(tab, m, values);
            done(code, t('nb_saved'));
            return code;
          }}
          onCancel={() => open(null)}
        />
      )}
      {form === 'correct' && tab && (
        <CorrectLink
          linked={m.link.source === 'reader' ? null : m.link.reason}
          correction={
            m.correctionId && m.link.source === 'reader' ? { id: m.correctionId, corrected: m.link.reason } : null
          }
          onCorrect={async (corrected) =>
            done(await state.notebook.mentions.correct(tab, m, corrected), t('nb_corrected'))
          }
          onUndo={async (id) => done(await state.notebook.mentions.undo(id), t('nb_corrected'))}
        />
      )}
    </div>
  );
}
