/**
 * The fields a kept passage and its editor share: the reason (with "choose
 * one" while none is set), the note, and the line that says what went wrong.
 */
import { t } from '@/platform/i18n';
import { REASON_NUMBERS } from '@/utils/article';
import { LIMITS } from '@/utils/notebook/limits';
import type { ReasonNumber } from '@/utils/types';
import { reasonLabel } from '../labels';
import { SelectField } from '../select-field';

export interface ReasonNoteFieldsProps {
  /** The form's id prefix (useId): the fields' ids derive from it. */
  id: string;
  /** "keep" or "nb-edit": the fields' test ids are `${testPrefix}-reason` and `${testPrefix}-note`. */
  testPrefix: string;
  reason: ReasonNumber | null;
  onReason: (reason: ReasonNumber | null) => void;
  note: string;
  onNote: (note: string) => void;
  error: string;
}

export function ReasonNoteFields({ id, testPrefix, reason, onReason, note, onNote, error }: ReasonNoteFieldsProps) {
  return (
    <>
      <SelectField
        id={`${id}-reason`}
        testId={`${testPrefix}-reason`}
        label={t('nb_reason_label')}
        value={reason === null ? '' : String(reason)}
        options={REASON_NUMBERS.map((n) => [String(n), reasonLabel(n)])}
        empty={reason === null ? t('nb_reason_choose') : undefined}
        onChange={(v) => {
          const n = Number(v);
          onReason(n >= 1 && n <= 8 ? (n as ReasonNumber) : null);
        }}
      />
      <label for={`${id}-note`}>{t('nb_note_label')}</label>
      <textarea
        id={`${id}-note`}
        data-testid={`${testPrefix}-note`}
        rows={2}
        maxLength={LIMITS.note}
        value={note}
        onInput={(e) => onNote(e.currentTarget.value)}
      />
      <p class="nb-error" role="alert">
        {error}
      </p>
    </>
  );
}
