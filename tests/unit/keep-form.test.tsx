import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KeepForm } from '@/components/notebook/keep-form';
import { $, click, mount, useEnglish } from './helpers/ui';
import { check, settle, setValue } from './notebook-ui-helpers';

beforeEach(useEnglish);

describe('KeepForm', () => {
  it('saves stance, the linked reason by default, and a trimmed note', async () => {
    const onSave = vi.fn(async () => null);
    const root = mount(
      <KeepForm sentence="WeChat stores convert badly." defaultReason={3} onSave={onSave} onCancel={() => {}} />,
    );
    expect($(root, '.nb-quote').textContent).toBe('WeChat stores convert badly.');
    expect(($(root, '[data-testid="keep-save"]') as HTMLButtonElement).disabled).toBe(true);
    expect(($(root, '[data-testid="keep-reason"]') as HTMLSelectElement).value).toBe('3');
    check($(root, '[data-testid="keep-stance-challenges"]'));
    setValue($(root, '[data-testid="keep-note"]'), '  my note ');
    expect(($(root, '[data-testid="keep-save"]') as HTMLButtonElement).disabled).toBe(false);
    click($(root, '[data-testid="keep-save"]'));
    await settle();
    expect(onSave).toHaveBeenCalledWith({ stance: 'challenges', reason: 3, note: 'my note' });
  });

  it('asks for a reason when the mention is linked to none, and lets the reader change it', async () => {
    const onSave = vi.fn(async () => null);
    const root = mount(<KeepForm sentence="Taobao." defaultReason={null} onSave={onSave} onCancel={() => {}} />);
    check($(root, '[data-testid="keep-stance-context"]'));
    expect(($(root, '[data-testid="keep-save"]') as HTMLButtonElement).disabled).toBe(true);
    setValue($(root, '[data-testid="keep-reason"]'), '7', 'change');
    click($(root, '[data-testid="keep-save"]'));
    await settle();
    expect(onSave).toHaveBeenCalledWith({ stance: 'context', reason: 7 });
  });

  it('labels every control and shows a refused save', async () => {
    const root = mount(
      <KeepForm sentence="x" defaultReason={1} onSave={async () => 'duplicate' as const} onCancel={() => {}} />,
    );
    for (const id of ['keep-reason', 'keep-note']) {
      const el = $(root, `[data-testid="${id}"]`);
      expect(root.querySelector(`label[for="${el.id}"]`)?.textContent).toBeTruthy();
    }
    expect($(root, 'legend').textContent).toBe('Stance');
    check($(root, '[data-testid="keep-stance-supports"]'));
    click($(root, '[data-testid="keep-save"]'));
    await settle();
    expect($(root, '[role="alert"]').textContent).toBe('This sentence is already kept for that reason and stance.');
  });

  it('cancels', () => {
    const onCancel = vi.fn();
    const root = mount(<KeepForm sentence="x" defaultReason={1} onSave={async () => null} onCancel={onCancel} />);
    click($(root, '[data-testid="keep-cancel"]'));
    expect(onCancel).toHaveBeenCalled();
  });

  it('shows a hostile sentence as text', () => {
    const root = mount(
      <KeepForm
        sentence="<img src=x onerror=alert(1)>"
        defaultReason={1}
        onSave={async () => null}
        onCancel={() => {}}
      />,
    );
    expect(root.querySelector('img')).toBeNull();
    expect($(root, '.nb-quote').textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
