import { describe, expect, it } from 'vitest';
import { NOTEBOOK_PRIVACY } from '../../utils/notebook/privacy';

describe('NOTEBOOK_PRIVACY', () => {
  it('lists each kind the notebook stores, with what, when and how to remove it', () => {
    expect(NOTEBOOK_PRIVACY.map((k) => k.kind)).toEqual(['corrections', 'passages', 'history']);
    for (const k of NOTEBOOK_PRIVACY) {
      expect(k.what.length).toBeGreaterThan(10);
      expect(k.when.length).toBeGreaterThan(10);
      expect(k.removal.length).toBeGreaterThan(10);
    }
    expect(NOTEBOOK_PRIVACY.find((k) => k.kind === 'history')?.when).toMatch(/private windows/);
  });
});
