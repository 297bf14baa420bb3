/**
 * The keep form and the link correction in plain DOM, for the hover card:
 * the card is built without Preact to keep the content script (which runs on
 * every page) within its size budget. Same fields, classes, test ids and
 * strings as keep-form.tsx and correct-link.tsx; text goes in through
 * textContent only, so page text is never parsed as HTML.
 *
 * Note for the card: these hold focusable controls, so the card showing them
 * must be a dialog the reader opened (click/Enter), not the hover tooltip.
 */
import { t } from '@/platform/i18n';
import { LIMITS } from '@/utils/notebook/limits';
import { STANCES, type Stance } from '@/utils/notebook/types';
import type { ReasonNumber } from '@/utils/types';
import { reasonLabel } from '../labels';
import type { KeepValues } from './keep-form';
import { errorText, stanceLabel } from './labels';
import type { ErrorCode } from './notebook-state';

const REASONS: readonly ReasonNumber[] = [1, 2, 3, 4, 5, 6, 7, 8];
let serial = 0;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { class?: string; text?: string; testId?: string } = {},
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.testId) node.dataset.testid = props.testId;
  return node;
}

function option(doc: Document, value: string, label: string): HTMLOptionElement {
  const o = el(doc, 'option', { text: label });
  o.value = value;
  return o;
}

function reasonOf(value: string): ReasonNumber | null {
  const n = Number(value);
  return value !== '' && Number.isInteger(n) && n >= 1 && n <= 8 ? (n as ReasonNumber) : null;
}

export interface KeepFormOptions {
  sentence: string;
  defaultReason: ReasonNumber | null;
  onSave: (values: KeepValues) => Promise<ErrorCode | null | undefined>;
  onCancel: () => void;
}

export function buildKeepForm(doc: Document, opts: KeepFormOptions): HTMLFormElement {
  const id = `nb-keep-${++serial}`;
  const form = el(doc, 'form', { class: 'nb-keep-form', testId: 'keep-form' });
  form.setAttribute('aria-label', t('nb_keep_title'));
  form.append(el(doc, 'p', { class: 'nb-form-title', text: t('nb_keep_title') }));
  form.append(el(doc, 'blockquote', { class: 'nb-quote', text: opts.sentence }));

  const fieldset = el(doc, 'fieldset', { class: 'nb-stances' });
  fieldset.append(el(doc, 'legend', { text: t('nb_stance_legend') }));
  const radios = STANCES.map((s) => {
    const label = el(doc, 'label', { class: 'nb-radio' });
    const input = el(doc, 'input', { testId: `keep-stance-${s}` });
    input.type = 'radio';
    input.name = `${id}-stance`;
    input.value = s;
    label.append(input, doc.createTextNode(stanceLabel(s)));
    fieldset.append(label);
    return input;
  });
  form.append(fieldset);

  const reasonLabelEl = el(doc, 'label', { text: t('nb_reason_label') });
  reasonLabelEl.htmlFor = `${id}-reason`;
  const select = el(doc, 'select', { testId: 'keep-reason' });
  select.id = `${id}-reason`;
  if (opts.defaultReason === null) select.append(option(doc, '', t('nb_reason_choose')));
  for (const n of REASONS) select.append(option(doc, String(n), reasonLabel(n)));
  select.value = opts.defaultReason === null ? '' : String(opts.defaultReason);
  form.append(reasonLabelEl, select);

  const noteLabel = el(doc, 'label', { text: t('nb_note_label') });
  noteLabel.htmlFor = `${id}-note`;
  const note = el(doc, 'textarea', { testId: 'keep-note' });
  note.id = `${id}-note`;
  note.rows = 2;
  note.maxLength = LIMITS.note;
  form.append(noteLabel, note);

  const error = el(doc, 'p', { class: 'nb-error' });
  error.setAttribute('role', 'alert');
  form.append(error);

  const actions = el(doc, 'div', { class: 'nb-actions' });
  const save = el(doc, 'button', { class: 'primary', text: t('nb_save'), testId: 'keep-save' });
  save.type = 'submit';
  const cancel = el(doc, 'button', { text: t('nb_cancel'), testId: 'keep-cancel' });
  cancel.type = 'button';
  cancel.addEventListener('click', () => opts.onCancel());
  actions.append(save, cancel);
  form.append(actions);

  let saving = false;
  const stance = (): Stance | null => (radios.find((r) => r.checked)?.value as Stance | undefined) ?? null;
  // A stance and a reason are the point of a kept passage; without them Save stays off.
  const update = () => {
    save.disabled = saving || stance() === null || reasonOf(select.value) === null;
  };
  form.addEventListener('change', update);
  update();

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const s = stance();
    const reason = reasonOf(select.value);
    if (!s || !reason || saving) return;
    saving = true;
    update();
    error.textContent = '';
    const text = note.value.trim();
    let code: ErrorCode | null | undefined;
    try {
      code = await opts.onSave(text ? { stance: s, reason, note: text } : { stance: s, reason });
    } catch {
      code = 'failed';
    }
    saving = false;
    update();
    if (code) error.textContent = errorText(code);
  });
  return form;
}

export interface CorrectLinkOptions {
  linked: ReasonNumber | null;
  correction: { id: string; corrected: ReasonNumber | null } | null;
  onCorrect: (corrected: ReasonNumber | null) => void;
  onUndo: (id: string) => void;
}

/** Build again with the new correction after each change (the card re-renders its part). */
export function buildCorrectLink(doc: Document, opts: CorrectLinkOptions): HTMLElement {
  const root = el(doc, 'div', { class: 'nb-correct', testId: 'correct-link' });
  const { correction } = opts;
  if (correction) {
    root.dataset.corrected = 'true';
    const p = el(doc, 'p', { class: 'nb-corrected' });
    p.append(
      el(doc, 'span', {
        testId: 'corrected-to',
        text: correction.corrected === null ? t('nb_correct_notAbout') : reasonLabel(correction.corrected),
      }),
      doc.createTextNode(' '),
      el(doc, 'span', { class: 'muted', text: t('nb_correct_byYou') }),
    );
    const undo = el(doc, 'button', { text: t('nb_undo'), testId: 'correct-undo' });
    undo.type = 'button';
    undo.addEventListener('click', () => opts.onUndo(correction.id));
    root.append(p, undo);
    return root;
  }
  const id = `nb-move-${++serial}`;
  const form = el(doc, 'form', { class: 'nb-move' });
  const label = el(doc, 'label', { text: t('nb_correct_move') });
  label.htmlFor = id;
  const select = el(doc, 'select', { testId: 'correct-select' });
  select.id = id;
  select.append(option(doc, '', t('nb_reason_choose')));
  for (const n of REASONS) if (n !== opts.linked) select.append(option(doc, String(n), reasonLabel(n)));
  const move = el(doc, 'button', { text: t('nb_correct_moveButton'), testId: 'correct-move' });
  move.type = 'submit';
  move.disabled = true;
  select.addEventListener('change', () => {
    move.disabled = reasonOf(select.value) === null;
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const n = reasonOf(select.value);
    if (n !== null) opts.onCorrect(n);
  });
  form.append(label, select, move);
  root.append(form);
  if (opts.linked !== null) {
    const none = el(doc, 'button', { text: t('nb_correct_notAbout'), testId: 'correct-none' });
    none.type = 'button';
    none.addEventListener('click', () => opts.onCorrect(null));
    root.append(none);
  }
  return root;
}
