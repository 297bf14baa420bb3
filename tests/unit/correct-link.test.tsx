import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CorrectLink } from '@/components/notebook/correct-link';
import { $, $$, click, mount, useEnglish } from './helpers/ui';
import { setValue } from './notebook-ui-helpers';

beforeEach(useEnglish);

describe('CorrectLink', () => {
  it('moves the mention to another reason (the linked one is not offered)', () => {
    const onCorrect = vi.fn();
    const root = mount(<CorrectLink linked={6} correction={null} onCorrect={onCorrect} onUndo={() => {}} />);
    const values = $$(root, '[data-testid="correct-select"] option').map((o) => (o as HTMLOptionElement).value);
    expect(values).toEqual(['', '1', '2', '3', '4', '5', '7', '8']);
    expect(($(root, '[data-testid="correct-move"]') as HTMLButtonElement).disabled).toBe(true);
    const select = $(root, '[data-testid="correct-select"]');
    expect(root.querySelector(`label[for="${select.id}"]`)?.textContent).toBe('Move to reason…');
    setValue(select, '5', 'change');
    click($(root, '[data-testid="correct-move"]'));
    expect(onCorrect).toHaveBeenCalledWith(5);
  });

  it('marks the mention not about the article', () => {
    const onCorrect = vi.fn();
    const root = mount(<CorrectLink linked={2} correction={null} onCorrect={onCorrect} onUndo={() => {}} />);
    click($(root, '[data-testid="correct-none"]'));
    expect(onCorrect).toHaveBeenCalledWith(null);
  });

  it('offers no "not about" for a mention already linked to none', () => {
    const root = mount(<CorrectLink linked={null} correction={null} onCorrect={() => {}} onUndo={() => {}} />);
    expect(root.querySelector('[data-testid="correct-none"]')).toBeNull();
    expect($$(root, '[data-testid="correct-select"] option')).toHaveLength(9);
  });

  it('says who linked a corrected mention and undoes it', () => {
    const onUndo = vi.fn();
    const root = mount(
      <CorrectLink linked={6} correction={{ id: 'c1', corrected: 4 }} onCorrect={() => {}} onUndo={onUndo} />,
    );
    expect(root.textContent).toContain('Reason 4: Social vs. shopping');
    expect(root.textContent).toContain('linked by: you');
    click($(root, '[data-testid="correct-undo"]'));
    expect(onUndo).toHaveBeenCalledWith('c1');
    const none = mount(
      <CorrectLink linked={6} correction={{ id: 'c2', corrected: null }} onCorrect={() => {}} onUndo={() => {}} />,
    );
    expect($(none, '[data-testid="corrected-to"]').textContent).toBe('Not about the article');
  });
});
