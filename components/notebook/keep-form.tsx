/**
 * "Keep as evidence": stance (radio buttons), optional note and the reason
 * (the mention's linked one by default). Used in the hover card and the side
 * panel; the caller sends the keep request. Page text shows as text only.
 */
import { useId, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { STANCES, type Stance } from '@/utils/notebook/types';
import type { ReasonNumber } from '@/utils/types';
import { errorText, stanceLabel } from './labels';
import type { ErrorCode } from './notebook-state';
import { ReasonNoteFields } from './reason-note-fields';

export interface KeepValues {
  stance: Stance;
  reason: ReasonNumber;
  /** Absent when left empty. */
  note?: string;
}

export interface KeepFormProps {
  /** The sentence being kept, shown as a quote. */
  sentence: string;
  /** The mention's linked reason; null (not linked) makes the reader choose one. */
  defaultReason: ReasonNumber | null;
  /** Resolves to an error code to show, or nothing when saved. */
  onSave: (values: KeepValues) => Promise<ErrorCode | null | undefined> | undefined;
  onCancel: () => void;
}

export function KeepForm({ sentence, defaultReason, onSave, onCancel }: KeepFormProps) {
  const id = useId();
  const [stance, setStance] = useState<Stance | null>(null);
  const [reason, setReason] = useState<ReasonNumber | null>(defaultReason);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState('');
  // A stance and a reason are the point of a kept passage; without them Save stays off.
  const ready = stance !== null && reason !== null && !saving;

  return (
    <form
      class="nb-keep-form"
      data-testid="keep-form"
      aria-label={t('nb_keep_title')}
      onSubmit={async (e) => {
        e.preventDefault();
        if (!stance || !reason) return;
        setSaving(true);
        setError('');
        const trimmed = note.trim();
        const code = await onSave(trimmed ? { stance, reason, note: trimmed } : { stance, reason });
        setSaving(false);
        if (code) setError(errorText(code));
      }}
    >
      <p class="nb-form-title">{t('nb_keep_title')}</p>
      <blockquote class="nb-quote">{sentence}</blockquote>
      <fieldset class="nb-stances">
        <legend>{t('nb_stance_legend')}</legend>
        {STANCES.map((s) => (
          <label key={s} class="nb-radio">
            <input
              type="radio"
              name={`${id}-stance`}
              value={s}
              data-testid={`keep-stance-${s}`}
              checked={stance === s}
              onChange={() => setStance(s)}
            />
            {stanceLabel(s)}
          </label>
        ))}
      </fieldset>
      <ReasonNoteFields
        id={id}
        testPrefix="keep"
        reason={reason}
        onReason={setReason}
        note={note}
        onNote={setNote}
        error={error}
      />
      <div class="nb-actions">
        <button type="submit" class="primary" data-testid="keep-save" disabled={!ready}>
          {t('nb_save')}
        </button>
        <button type="button" data-testid="keep-cancel" onClick={onCancel}>
          {t('nb_cancel')}
        </button>
      </div>
    </form>
  );
}
