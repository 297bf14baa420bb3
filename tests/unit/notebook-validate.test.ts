import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../utils/notebook/limits';
import {
  MAX_REASONS,
  parseNotebookFile,
  validateCorrection,
  validateHistoryEntry,
  validatePassage,
} from '../../utils/notebook/validate';

const D = '2026-01-02T03:04:05.000Z';
const passage = {
  id: 'p1',
  sentence: 'WeChat stores rarely convert.',
  title: 'Title',
  pageUrl: 'https://example.com/a',
  site: 'ignored.example',
  entity: 'wechat',
  reason: 3,
  stance: 'challenges',
  note: 'A note',
  createdAt: D,
  updatedAt: D,
};
const correction = {
  id: 'c1',
  pageUrl: 'https://example.com/a',
  sentence: 'Taobao got there first.',
  entity: 'taobao',
  lang: 'en',
  original: { reason: 8, firm: false },
  corrected: 1,
  createdAt: D,
};
const history = {
  id: 'whatever',
  url: 'https://example.com/a',
  title: 'T',
  site: 'x',
  day: '1999-01-01',
  visitedAt: D,
  counts: { 2: 3 },
  none: 0,
};

function file(over: Record<string, unknown> = {}) {
  return JSON.stringify({
    format: 'eight-reasons-notebook',
    version: 1,
    exportedAt: D,
    passages: [passage],
    corrections: [correction],
    history: [history],
    ...over,
  });
}

describe('parseNotebookFile: whole-file rejections', () => {
  it.each([
    ['not text', 42, 'not text'],
    ['not JSON', '{', 'not JSON'],
    ['JSON but an array', '[]', 'not an Eight Reasons'],
    ['another format', JSON.stringify({ format: 'other', version: 1 }), 'not an Eight Reasons'],
    ['no version', JSON.stringify({ format: 'eight-reasons-notebook' }), 'no valid format version'],
    [
      'version as string',
      JSON.stringify({ format: 'eight-reasons-notebook', version: '1' }),
      'no valid format version',
    ],
    ['version 0', JSON.stringify({ format: 'eight-reasons-notebook', version: 0 }), 'no valid format version'],
    ['passages not a list', file({ passages: { 0: passage } }), '"passages" is not a list'],
    ['history null', file({ history: null }), '"history" is not a list'],
  ])('%s', (_label, input, message) => {
    const r = parseNotebookFile(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(message);
  });

  it('a newer version says so and asks for an update', () => {
    const r = parseNotebookFile(file({ version: 2 }));
    expect(r).toEqual({
      ok: false,
      message: expect.stringMatching(/newer version.*format version 2.*reads format version 1/),
    });
  });

  it('too big a file', () => {
    const r = parseNotebookFile(' '.repeat(LIMITS.fileChars + 1));
    expect(r).toEqual({ ok: false, message: 'The file is larger than 20 MB.' });
  });

  it('too many items of one kind', () => {
    const r = parseNotebookFile(file({ corrections: new Array(LIMITS.itemsPerKind + 1).fill(0) }));
    expect(!r.ok && r.message).toContain('more than 50000');
  });
});

describe('parseNotebookFile: items', () => {
  it('reads a valid file, rebuilding items (ids dropped, derived fields recomputed)', () => {
    const r = parseNotebookFile(file());
    if (!r.ok) throw new Error(r.message);
    expect(r.rejected).toBe(0);
    expect(r.passages[0]).toEqual({ ...passage, id: '', site: 'example.com' });
    expect(r.corrections[0]).toEqual({ ...correction, id: '' });
    expect(r.history[0]).toEqual({
      ...history,
      id: '2026-01-02|https://example.com/a',
      site: 'example.com',
      day: '2026-01-02',
    });
  });

  it('treats missing lists as empty', () => {
    const r = parseNotebookFile(JSON.stringify({ format: 'eight-reasons-notebook', version: 1 }));
    expect(r).toEqual({ ok: true, passages: [], corrections: [], history: [], rejected: 0, reasons: [] });
  });

  it('rejects bad items one by one and lists the first few distinct problems', () => {
    const r = parseNotebookFile(
      file({
        passages: [
          passage,
          { ...passage, pageUrl: 'javascript:alert(1)' },
          { ...passage, pageUrl: 'javascript:alert(2)' },
          { ...passage, reason: 9 },
          null,
          'junk',
          [passage],
          { ...passage, createdAt: 'NaN' },
          { ...passage, sentence: 'x'.repeat(LIMITS.sentence + 1) },
        ],
      }),
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.passages).toHaveLength(1);
    expect(r.rejected).toBe(8);
    expect(r.reasons).toHaveLength(MAX_REASONS);
    expect(r.reasons.slice(0, 3)).toEqual([
      'passage 2: pageUrl is not an http(s) URL',
      'passage 4: reason is not 1..8',
      'passage 5: not an object',
    ]);
  });
});

describe('hostile items', () => {
  it('prototype pollution keys never reach the result or Object.prototype', () => {
    const text = `{"format":"eight-reasons-notebook","version":1,"__proto__":{"polluted":true},
      "passages":[${JSON.stringify(passage).replace('{', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},')}],
      "history":[${JSON.stringify({ ...history, counts: { 1: 1 } }).replace('"counts":{', '"counts":{"__proto__":5,')}]}`;
    const r = parseNotebookFile(text);
    if (!r.ok) throw new Error(r.message);
    expect(r.passages).toHaveLength(1);
    expect(Object.keys(r.passages[0] ?? {})).not.toContain('__proto__');
    expect(Object.keys(r.passages[0] ?? {})).not.toContain('constructor');
    expect(Object.getPrototypeOf(r.passages[0])).toBe(Object.prototype);
    expect(r.history).toHaveLength(0);
    expect(r.reasons[0]).toContain('history entry 1: counts');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['wrong-typed reason', { reason: '3' }, 'reason is not 1..8'],
    ['object sentence', { sentence: { toString: 'x' } }, 'sentence is not text'],
    ['empty sentence', { sentence: ' \n ' }, 'sentence is empty'],
    ['nested junk title', { title: [[['x']]] }, 'title is not text'],
    ['huge note', { note: 'n'.repeat(LIMITS.note + 1) }, 'note is longer than 5000'],
    ['huge title', { title: 't'.repeat(LIMITS.title + 1) }, 'title is longer than 500'],
    ['huge url', { pageUrl: `https://e.com/${'a'.repeat(LIMITS.url)}` }, 'pageUrl is longer than 2048'],
    ['data URL', { pageUrl: 'data:text/html,<script>x</script>' }, 'pageUrl is not an http(s) URL'],
    ['vbscript URL', { pageUrl: 'vbscript:x' }, 'pageUrl is not an http(s) URL'],
    ['relative URL', { pageUrl: '/a' }, 'pageUrl is not an http(s) URL'],
    ['NaN date', { createdAt: Number.NaN }, 'createdAt is not an ISO date'],
    ['impossible date', { createdAt: '2026-02-31T00:00:00Z' }, 'createdAt is not an ISO date'],
    ['bad updatedAt', { updatedAt: 'yesterday' }, 'updatedAt is not an ISO date'],
    ['unknown stance', { stance: 'SUPPORTS' }, 'stance is not'],
    ['unknown entity', { entity: '__proto__' }, 'entity is not'],
  ])('passage with %s', (_label, over, problem) => {
    const r = validatePassage({ ...passage, ...over });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toContain(problem);
  });

  it.each([
    ['lang fr', { lang: 'fr' }, 'lang'],
    ['original missing', { original: undefined }, 'original'],
    ['original firm as 1', { original: { reason: 1, firm: 1 } }, 'original'],
    ['corrected 0', { corrected: 0 }, 'corrected'],
    ['huge paragraph', { paragraph: 'p'.repeat(LIMITS.paragraph + 1) }, 'paragraph'],
  ])('correction with %s', (_label, over, problem) => {
    const r = validateCorrection({ ...correction, ...over });
    expect(!r.ok && r.problem).toContain(problem);
  });

  it('a correction without lang gets one from its text', () => {
    const r = validateCorrection({ ...correction, lang: undefined, sentence: '淘宝先到了' });
    expect(r.ok && r.value.lang).toBe('zh');
  });

  it.each([
    ['counts with key 9', { counts: { 9: 1 } }, 'counts'],
    ['none negative', { none: -1 }, 'none'],
    ['file URL', { url: 'file:///x' }, 'url'],
  ])('history entry with %s', (_label, over, problem) => {
    const r = validateHistoryEntry({ ...history, ...over });
    expect(!r.ok && r.problem).toContain(problem);
  });

  it('normalises imported sentences so they merge with ones kept here', () => {
    const r = validatePassage({ ...passage, sentence: ' WeChat\n stores rarely  convert. ' });
    expect(r.ok && r.value.sentence).toBe('WeChat stores rarely convert.');
  });

  it('drops the fragment of imported URLs', () => {
    const r = validatePassage({ ...passage, pageUrl: 'https://example.com/a#:~:text=x' });
    expect(r.ok && r.value.pageUrl).toBe('https://example.com/a');
  });
});

describe('any input', () => {
  it('never throws, and whatever it accepts passes its own checks again', () => {
    const item = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          sentence: fc.oneof(fc.string(), fc.constant('WeChat 微信')),
          title: fc.string(),
          pageUrl: fc.oneof(fc.webUrl(), fc.string(), fc.constant('javascript:alert(1)')),
          url: fc.oneof(fc.webUrl(), fc.string()),
          entity: fc.constantFrom('wechat', 'taobao', 'jd', '__proto__'),
          reason: fc.oneof(fc.integer({ min: -1, max: 10 }), fc.double(), fc.constant(null)),
          corrected: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant(null)),
          stance: fc.constantFrom('supports', 'challenges', 'context', 'other'),
          original: fc.record({
            reason: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant(null)),
            firm: fc.boolean(),
          }),
          counts: fc.dictionary(fc.constantFrom('1', '2', '9', '__proto__', 'x'), fc.integer({ min: -2, max: 5 })),
          none: fc.integer({ min: -1, max: 3 }),
          createdAt: fc.oneof(
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
            fc.string(),
          ),
          visitedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 5 }), (items) => {
        const r = parseNotebookFile(
          JSON.stringify({
            format: 'eight-reasons-notebook',
            version: 1,
            passages: items,
            corrections: items,
            history: items,
          }),
        );
        if (!r.ok) throw new Error(r.message);
        expect(r.passages.length + r.corrections.length + r.history.length + r.rejected).toBe(items.length * 3);
        for (const p of r.passages) expect(validatePassage(p).ok).toBe(true);
        for (const c of r.corrections) expect(validateCorrection(c).ok).toBe(true);
        for (const h of r.history) expect(validateHistoryEntry(h).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
