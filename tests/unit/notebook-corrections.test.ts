import { describe, expect, it } from 'vitest';
import { correctionsToLabelledJson, correctionToLabelledItem, pickCorrection } from '../../utils/notebook/corrections';
import type { Correction } from '../../utils/notebook/types';

function c(over: Partial<Correction>): Correction {
  return {
    id: 'c',
    pageUrl: 'https://a.com/',
    sentence: 'Taobao got there first.',
    entity: 'taobao',
    lang: 'en',
    original: { reason: 8, firm: false },
    corrected: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

describe('pickCorrection', () => {
  const onPage = c({ id: 'page', pageUrl: 'https://b.com/', createdAt: '2026-01-01T00:00:00.000Z' });
  const newer = c({ id: 'newer', pageUrl: 'https://c.com/', createdAt: '2026-02-01T00:00:00.000Z' });
  const older = c({ id: 'older', pageUrl: 'https://d.com/', createdAt: '2025-02-01T00:00:00.000Z' });
  it('prefers the correction made on this page', () => {
    expect(pickCorrection([newer, onPage, older], 'https://b.com/', 'Taobao got there first.')?.id).toBe('page');
  });
  it('else the newest for the same sentence anywhere, whatever its whitespace', () => {
    expect(pickCorrection([older, newer], 'https://z.com/', ' Taobao  got there\nfirst. ')?.id).toBe('newer');
  });
  it('else none', () => {
    expect(pickCorrection([newer], 'https://b.com/', 'Another sentence.')).toBeUndefined();
  });
});

describe('labelled items for the evaluation set', () => {
  it('has exactly the fields of shared/linking/real-dev.json', () => {
    const item = correctionToLabelledItem(c({ paragraph: 'Para.', corrected: null }));
    expect(item).toEqual({
      lang: 'en',
      entity: 'taobao',
      sentence: 'Taobao got there first.',
      paragraph: 'Para.',
      source: 'https://a.com/',
      label: null,
      confidence: 'clear',
    });
    expect(Object.keys(item).sort()).toEqual(
      ['confidence', 'entity', 'label', 'lang', 'paragraph', 'sentence', 'source'].sort(),
    );
  });
  it('uses the sentence as paragraph when there is none, like the set', () => {
    expect(correctionToLabelledItem(c({})).paragraph).toBe('Taobao got there first.');
  });
  it('serialises a JSON array', () => {
    const parsed = JSON.parse(correctionsToLabelledJson([c({ lang: 'zh', sentence: '淘宝', corrected: 6 })]));
    expect(parsed).toEqual([expect.objectContaining({ lang: 'zh', sentence: '淘宝', label: 6 })]);
  });
});
