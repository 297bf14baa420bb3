// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  isExportRequest,
  isHostnameRequest,
  isListRequest,
  isNotebookCallName,
  isPageSentencesRequest,
  MAX_SENTENCES,
  NOTEBOOK_CALL_NAMES,
  NOTEBOOK_CALL_VALIDATORS,
  NOTEBOOK_CALLS_FROM_CONTENT,
  notebookClient,
} from '../../utils/notebook/calls';

describe('notebook calls', () => {
  it('have a validator for every name, and content-script calls are a subset', () => {
    expect(NOTEBOOK_CALL_NAMES).toHaveLength(20);
    for (const name of NOTEBOOK_CALLS_FROM_CONTENT) expect(NOTEBOOK_CALL_NAMES).toContain(name);
    for (const name of ['nb-list', 'nb-export', 'nb-import', 'nb-delete-everything', 'nb-clear-history'] as const) {
      expect(NOTEBOOK_CALLS_FROM_CONTENT).not.toContain(name);
    }
    expect(isNotebookCallName('toString')).toBe(false);
    expect(isNotebookCallName('constructor')).toBe(false);
  });

  it('refuse requests that are not plain objects', () => {
    for (const name of NOTEBOOK_CALL_NAMES) {
      for (const bad of [null, undefined, 'x', 1, [], new Date()])
        expect(NOTEBOOK_CALL_VALIDATORS[name](bad), name).toBe(false);
    }
  });

  it('check list requests: filters, limits and cursors', () => {
    expect(isListRequest({})).toBe(true);
    expect(
      isListRequest({
        filter: { reason: 3, entity: 'wechat', stance: 'context', site: 'a.example', search: 'x', deleted: 'only' },
        limit: 50,
        after: { createdAt: '2026-01-01T00:00:00.000Z', id: 'p1' },
      }),
    ).toBe(true);
    expect(isListRequest({ filter: { reason: 9 } })).toBe(false);
    expect(isListRequest({ filter: { entity: 'ebay' } })).toBe(false);
    expect(isListRequest({ filter: { from: '2026-01-01T00:00:00+08:00' } })).toBe(false);
    expect(isListRequest({ filter: { search: 'x'.repeat(501) } })).toBe(false);
    expect(isListRequest({ limit: 0 })).toBe(false);
    expect(isListRequest({ limit: 1.5 })).toBe(false);
    expect(isListRequest({ after: { createdAt: 'yesterday', id: 'p1' } })).toBe(false);
  });

  it('cap sentence lists, hostnames and export words', () => {
    const page = 'https://example.com/';
    expect(isPageSentencesRequest({ pageUrl: page, sentences: ['One.'] })).toBe(true);
    expect(isPageSentencesRequest({ pageUrl: page, sentences: Array(MAX_SENTENCES + 1).fill('s') })).toBe(false);
    expect(isPageSentencesRequest({ pageUrl: 'file:///etc/passwd', sentences: [] })).toBe(false);
    expect(isPageSentencesRequest({ pageUrl: page, sentences: ['   '] })).toBe(false);
    expect(isHostnameRequest({ hostname: 'a.example' })).toBe(true);
    expect(isHostnameRequest({ hostname: ' ' })).toBe(false);
    expect(isExportRequest({ format: 'markdown', words: { supports: '支持', stances: { context: '背景' } } })).toBe(
      true,
    );
    expect(isExportRequest({ format: 'pdf' })).toBe(false);
    expect(isExportRequest({ format: 'markdown', words: { stances: { evil: 'x' } } })).toBe(false);
  });

  it('give a client that unwraps replies and rejects refusals and garbled answers', async () => {
    const api = notebookClient(async (name, request) =>
      name === 'nb-balance' ? { ok: true, reply: { request } } : { ok: false, error: 'not-allowed', message: 'nope' },
    );
    expect(await api('nb-balance', {})).toEqual({ request: {} });
    await expect(api('nb-list', {})).rejects.toThrow('nope');
    const silent = notebookClient(async () => undefined);
    await expect(silent('nb-balance', {})).rejects.toThrow('No answer to nb-balance.');
  });
});
