import { describe, expect, it } from 'vitest';
import { buildNotebookExport, notebookToJson } from '../../utils/notebook/export-json';
import type { Correction, HistoryEntry, KeptPassage } from '../../utils/notebook/types';
import { parseNotebookFile } from '../../utils/notebook/validate';

const passage: KeptPassage = {
  id: 'p',
  sentence: 'WeChat stores.',
  title: 'T',
  pageUrl: 'https://e.com/',
  site: 'e.com',
  entity: 'wechat',
  reason: 2,
  stance: 'supports',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const correction: Correction = {
  id: 'c',
  pageUrl: 'https://e.com/',
  sentence: '淘宝先到。',
  entity: 'taobao',
  lang: 'zh',
  original: { reason: 8, firm: true },
  corrected: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const history: HistoryEntry = {
  id: '2026-01-01|https://e.com/',
  url: 'https://e.com/',
  title: 'T',
  site: 'e.com',
  day: '2026-01-01',
  visitedAt: '2026-01-01T10:00:00.000Z',
  counts: { 2: 1 },
  none: 0,
};

describe('JSON export', () => {
  const at = '2026-02-01T00:00:00.000Z';
  it('has the format header and everything but the trash', () => {
    const out = buildNotebookExport(
      { passages: [passage, { ...passage, id: 'gone', deletedAt: at }], corrections: [correction], history: [history] },
      at,
    );
    expect(out).toEqual({
      format: 'eight-reasons-notebook',
      version: 1,
      exportedAt: at,
      passages: [passage],
      corrections: [correction],
      history: [history],
    });
  });
  it('reads back through import validation unchanged (but for ids)', () => {
    const parsed = parseNotebookFile(
      notebookToJson({ passages: [passage], corrections: [correction], history: [history] }, at),
    );
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.rejected).toBe(0);
    expect(parsed.passages).toEqual([{ ...passage, id: '' }]);
    expect(parsed.corrections).toEqual([{ ...correction, id: '' }]);
    expect(parsed.history).toEqual([history]);
  });
  it('copies, so later changes to the store objects do not leak into an export', () => {
    const c = { ...correction, original: { ...correction.original } };
    const out = buildNotebookExport({ passages: [], corrections: [c], history: [] }, at);
    c.original.reason = 3;
    expect(out.corrections[0]?.original.reason).toBe(8);
  });
});
