/**
 * Correct one mention's link: move it to another reason, or mark it "not
 * about the article"; once corrected, say so ("linked by: you") and offer
 * Undo. The caller sends the correction and passes the stored one back in.
 */
import { useId, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { REASON_NUMBERS } from '@/utils/article';
import type { ReasonNumber } from '@/utils/types';
import { reasonLabel } from '../labels';
import { SelectField } from '../select-field';

export interface CorrectLinkProps {
  /** The reason the extension linked (null: linked to none). */
  linked: ReasonNumber | null;
  /** The reader's correction in force, if any. */
  correction: { id: string; corrected: ReasonNumber | null } | null;
  onCorrect: (corrected: ReasonNumber | null) => void;
  onUndo: (id: string) => void;
  /** Disables the controls while a request is out. */
  busy?: boolean;
}

export function CorrectLink({ linked, correction, onCorrect, onUndo, busy }: CorrectLinkProps) {
  const id = useId();
  const [choice, setChoice] = useState('');

  if (correction) {
    return (
      <div class="nb-correct" data-testid="correct-link" data-corrected="true">
        <p class="nb-corrected">
          <span data-testid="corrected-to">
            {correction.corrected === null ? t('nb_correct_notAbout') : reasonLabel(correction.corrected)}
          </span>{' '}
          <span class="muted">{t('nb_correct_byYou')}</span>
        </p>
        <button type="button" data-testid="correct-undo" disabled={busy} onClick={() => onUndo(correction.id)}>
          {t('nb_undo')}
        </button>
      </div>
    );
  }

  return (
    <div class="nb-correct" data-testid="correct-link">
      {/* A select plus a button, not a select that acts on change: arrow keys would fire it on every step. */}
      <form
        class="nb-move"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(choice);
          if (n >= 1 && n <= 8) onCorrect(n as ReasonNumber);
        }}
      >
        <SelectField
          id={`${id}-move`}
          testId="correct-select"
          label={t('nb_correct_move')}
          value={choice}
          options={REASON_NUMBERS.filter((n) => n !== linked).map((n) => [String(n), reasonLabel(n)])}
          empty={t('nb_reason_choose')}
          disabled={busy}
          onChange={setChoice}
        />
        <button type="submit" data-testid="correct-move" disabled={busy || choice === ''}>
          {t('nb_correct_moveButton')}
        </button>
      </form>
      {linked !== null && (
        <button type="button" data-testid="correct-none" disabled={busy} onClick={() => onCorrect(null)}>
          {t('nb_correct_notAbout')}
        </button>
      )}
    </div>
  );
}
