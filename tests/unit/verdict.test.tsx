import { beforeEach, describe, expect, it } from 'vitest';
import { verdictFor } from '@/components/reason-model';
import { VerdictLine } from '@/components/verdict';
import { summary } from './helpers/tab-summary';
import { $, mount, useEnglish } from './helpers/ui';

beforeEach(useEnglish);

describe('VerdictLine', () => {
  it('names the reason the page mostly touches', () => {
    const root = mount(<VerdictLine verdict={verdictFor(summary, null)} />);
    expect($(root, '[data-testid="verdict"]').textContent).toBe('This page mostly touches reason 6: Moments');
  });

  it('says when there are no mentions, or highlighting is paused or off', () => {
    const none = mount(<VerdictLine verdict={verdictFor({ ...summary, total: 0, countsByReason: {} }, null)} />);
    expect(none.textContent).toBe('No mentions on this page');
    const paused = mount(<VerdictLine verdict={verdictFor(summary, 'site')} />);
    expect(paused.textContent).toBe('Highlighting is paused on this site');
    const off = mount(<VerdictLine verdict={verdictFor(summary, 'off')} />);
    expect(off.textContent).toBe('Highlighting is off everywhere');
  });
});
