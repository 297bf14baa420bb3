/**
 * One kept passage in the notebook's list: the sentence, its stance, company,
 * page and day, the note, and Edit (inline, focus back on Edit when it
 * closes), Delete and Open (the page at the sentence). Page text is rendered
 * as text only.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { pageUrlOf } from '@/utils/notebook/text';
import { textFragmentUrl } from '@/utils/notebook/text-fragment';
import { type KeptPassage, STANCES, type Stance } from '@/utils/notebook/types';
import type { ReasonNumber } from '@/utils/types';
import { entityName } from '../labels';
import { SelectField } from '../select-field';
import { errorText, stanceLabel } from './labels';
import type { ErrorCode, NotebookState } from './notebook-state';
import { ReasonNoteFields } from './reason-note-fields';

function PassageEditor({ p, onDone, state }: { p: KeptPassage; onDone: () => void; state: NotebookState }) {
  const id = useId();
  const [stance, setStance] = useState<Stance>(p.stance);
  const [reason, setReason] = useState<ReasonNumber>(p.reason);
  const [note, setNote] = useState(p.note ?? '');
  const [error, setError] = useState('');
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <form
      class="nb-edit"
      data-testid="nb-edit-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const code = await state.edit({ id: p.id, stance, reason, note: note.trim() });
        if (code) setError(errorText(code));
        else onDone();
      }}
    >
      <SelectField
        selectRef={first}
        id={`${id}-stance`}
        testId="nb-edit-stance"
        label={t('nb_stance_legend')}
        value={stance}
        options={STANCES.map((s) => [s, stanceLabel(s)])}
        onChange={(v) => setStance(v as Stance)}
      />
      <ReasonNoteFields
        id={id}
        testPrefix="nb-edit"
        reason={reason}
        onReason={(n) => n !== null && setReason(n)}
        note={note}
        onNote={setNote}
        error={error}
      />
      <div class="nb-actions">
        <button type="submit" class="primary" data-testid="nb-edit-save">
          {t('nb_save')}
        </button>
        <button type="button" data-testid="nb-edit-cancel" onClick={onDone}>
          {t('nb_cancel')}
        </button>
      </div>
    </form>
  );
}

export function PassageItem({ p, state }: { p: KeptPassage; state: NotebookState }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Closing the editor removes the focused field: hand focus back to Edit so keyboard users stay in place.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const page = pageUrlOf(p.pageUrl);
  const open = textFragmentUrl(p.pageUrl, p.sentence);
  const day = p.createdAt.slice(0, 10);
  const title = p.title || p.site || p.pageUrl;
  const edit = () => setEditing(true);
  const remove = async () => setError(await state.remove(p.id));
  return (
    <li class="nb-passage" data-testid="nb-passage" data-id={p.id} data-stance={p.stance} data-reason={p.reason}>
      <blockquote class="nb-quote" data-testid="nb-sentence">
        {p.sentence}
      </blockquote>
      <p class="nb-meta">
        <span class={`nb-badge nb-stance-${p.stance}`} data-testid="nb-stance">
          {stanceLabel(p.stance)}
        </span>{' '}
        <span class="nb-entity">{entityName(p.entity)}</span> ·{' '}
        {page ? (
          <a href={page} target="_blank" rel="noopener noreferrer" data-testid="nb-title">
            {title}
          </a>
        ) : (
          <span data-testid="nb-title">{title}</span>
        )}{' '}
        · <time dateTime={p.createdAt}>{day}</time>
      </p>
      {p.note && (
        <p class="nb-note" data-testid="nb-note">
          {p.note}
        </p>
      )}
      {editing ? (
        <PassageEditor p={p} state={state} onDone={() => setEditing(false)} />
      ) : (
        <div class="nb-actions">
          <button
            ref={editButton}
            type="button"
            data-testid="nb-edit"
            aria-label={t('nb_edit_label', title)}
            onClick={edit}
          >
            {t('nb_edit')}
          </button>
          <button type="button" data-testid="nb-delete" aria-label={t('nb_delete_label', title)} onClick={remove}>
            {t('nb_delete')}
          </button>
          {open && (
            <a
              class="nb-open"
              href={open}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="nb-open"
              aria-label={t('nb_open_label', title)}
            >
              {t('nb_open')}
            </a>
          )}
        </div>
      )}
      {error && (
        <p class="nb-error" role="alert">
          {errorText(error)}
        </p>
      )}
    </li>
  );
}
