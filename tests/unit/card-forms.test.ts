import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCorrectLink, buildKeepForm } from '@/components/notebook/card-forms';
import { settle } from './notebook-ui-helpers';
import { $, $$, useEnglish } from './ui-helpers';

beforeEach(useEnglish);

function attach<T extends HTMLElement>(node: T): T {
  document.body.replaceChildren(node);
  return node;
}

function change(el: HTMLElement, value?: string) {
  if (value !== undefined) (el as HTMLInputElement).value = value;
  else (el as HTMLInputElement).checked = true;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('buildKeepForm (plain DOM, for the hover card)', () => {
  it('saves the chosen stance, the linked reason and a trimmed note', async () => {
    const onSave = vi.fn(async () => null);
    const form = attach(buildKeepForm(document, { sentence: 'S.', defaultReason: 6, onSave, onCancel: () => {} }));
    const save = $(form, '[data-testid="keep-save"]') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect(($(form, '[data-testid="keep-reason"]') as HTMLSelectElement).value).toBe('6');
    change($(form, '[data-testid="keep-stance-supports"]'));
    expect(save.disabled).toBe(false);
    ($(form, '[data-testid="keep-note"]') as HTMLTextAreaElement).value = ' why ';
    save.click();
    await settle();
    expect(onSave).toHaveBeenCalledWith({ stance: 'supports', reason: 6, note: 'why' });
  });

  it('makes the reader choose a reason when none was linked, and shows a refusal', async () => {
    const form = attach(
      buildKeepForm(document, {
        sentence: 'S.',
        defaultReason: null,
        onSave: async () => 'quota' as const,
        onCancel: () => {},
      }),
    );
    change($(form, '[data-testid="keep-stance-context"]'));
    expect(($(form, '[data-testid="keep-save"]') as HTMLButtonElement).disabled).toBe(true);
    change($(form, '[data-testid="keep-reason"]'), '2');
    ($(form, '[data-testid="keep-save"]') as HTMLButtonElement).click();
    await settle();
    expect($(form, '[role="alert"]').textContent).toBe('The browser has no storage space left for the notebook.');
  });

  it('labels its controls, cancels, and shows hostile text as text', () => {
    const onCancel = vi.fn();
    const form = attach(
      buildKeepForm(document, {
        sentence: '<img src=x onerror=alert(1)>',
        defaultReason: 1,
        onSave: async () => null,
        onCancel,
      }),
    );
    expect(form.querySelector('img')).toBeNull();
    expect($(form, '.nb-quote').textContent).toBe('<img src=x onerror=alert(1)>');
    for (const id of ['keep-reason', 'keep-note']) {
      const c = $(form, `[data-testid="${id}"]`);
      expect(form.querySelector(`label[for="${c.id}"]`)).not.toBeNull();
    }
    $(form, '[data-testid="keep-cancel"]').click();
    expect(onCancel).toHaveBeenCalled();
  });
});

describe('buildCorrectLink (plain DOM)', () => {
  it('moves to another reason or marks not about the article', () => {
    const onCorrect = vi.fn();
    const root = attach(buildCorrectLink(document, { linked: 3, correction: null, onCorrect, onUndo: () => {} }));
    expect($$(root, 'option').map((o) => (o as HTMLOptionElement).value)).toEqual([
      '',
      '1',
      '2',
      '4',
      '5',
      '6',
      '7',
      '8',
    ]);
    change($(root, '[data-testid="correct-select"]'), '8');
    ($(root, '[data-testid="correct-move"]') as HTMLButtonElement).click();
    expect(onCorrect).toHaveBeenLastCalledWith(8);
    $(root, '[data-testid="correct-none"]').click();
    expect(onCorrect).toHaveBeenLastCalledWith(null);
  });

  it('shows "linked by: you" with Undo once corrected', () => {
    const onUndo = vi.fn();
    const root = attach(
      buildCorrectLink(document, { linked: 3, correction: { id: 'c9', corrected: null }, onCorrect: () => {}, onUndo }),
    );
    expect(root.textContent).toContain('Not about the article linked by: you');
    $(root, '[data-testid="correct-undo"]').click();
    expect(onUndo).toHaveBeenCalledWith('c9');
  });
});
