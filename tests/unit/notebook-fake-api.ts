/**
 * An in-memory NotebookApi for UI tests, built on the same pure queries the
 * store uses (utils/notebook/queries.ts), with a log of the calls made.
 */
import type { CallReply, CallRequest, NotebookApi, NotebookCallName } from '@/utils/notebook/calls';
import { balanceByReason, pagePassages } from '@/utils/notebook/queries';
import { editPassage } from '@/utils/notebook/records';
import type { KeptPassage } from '@/utils/notebook/types';
import type { ReasonNumber } from '@/utils/types';

export interface FakeApi {
  api: NotebookApi;
  passages: KeptPassage[];
  calls: { name: NotebookCallName; request: unknown }[];
  /** Replies to return instead of the default for a call. */
  override: Partial<{ [K in NotebookCallName]: (req: CallRequest<K>) => CallReply<K> | Promise<CallReply<K>> }>;
}

export function passage(i: number, over: Partial<KeptPassage> = {}): KeptPassage {
  const reason = ((i % 8) + 1) as ReasonNumber;
  const createdAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  return {
    id: `p${String(i).padStart(5, '0')}`,
    sentence: `Sentence number ${i} about WeChat.`,
    title: `Page ${i}`,
    pageUrl: `https://site${i % 3}.example/page/${i}`,
    site: `site${i % 3}.example`,
    entity: i % 2 ? 'taobao' : 'wechat',
    reason,
    stance: (['supports', 'challenges', 'context'] as const)[i % 3]!,
    createdAt,
    updatedAt: createdAt,
    ...over,
  };
}

export function fakeApi(passages: KeptPassage[] = []): FakeApi {
  const fake: FakeApi = { passages, calls: [], override: {}, api: undefined as unknown as NotebookApi };
  const find = (id: string) => fake.passages.find((p) => p.id === id);
  const notFound = { ok: false as const, error: 'not-found' as const, message: 'No such passage.' };
  const handlers: { [K in NotebookCallName]?: (req: CallRequest<K>) => CallReply<K> } = {
    'nb-list': (req) => pagePassages(fake.passages, req.filter ?? {}, req.limit ?? 50, req.after),
    'nb-balance': () => balanceByReason(fake.passages),
    'nb-edit': (req) => {
      const p = find(req.id);
      if (!p) return notFound;
      const next = editPassage(p, req, '2026-06-01T00:00:00.000Z');
      fake.passages = fake.passages.map((x) => (x.id === p.id ? next : x));
      return { ok: true, value: next };
    },
    'nb-remove': (req) => {
      const p = find(req.id);
      if (!p) return notFound;
      p.deletedAt = '2026-06-01T00:00:00.000Z';
      return { ok: true, value: { ...p } };
    },
    'nb-restore': (req) => {
      const p = find(req.id);
      if (!p) return notFound;
      delete p.deletedAt;
      return { ok: true, value: { ...p } };
    },
    'nb-reading-week': () => ({ counts: { 1: 0, 2: 3, 3: 0, 4: 0, 5: 0, 6: 7, 7: 0, 8: 0 }, none: 2, pages: 4 }),
    'nb-export': (req) => ({
      filename: `nb.${req.format}`,
      mime: 'text/plain',
      text: `export ${req.format}`,
      count: 1,
    }),
    'nb-corrections-export': () => ({ filename: 'c.json', mime: 'application/json', text: '[]', count: 0 }),
    'nb-import': () => ({ ok: true, report: { added: 0, skipped: 0, rejected: 0, reasons: [] } }),
  };
  fake.api = (async (name: NotebookCallName, request: unknown) => {
    fake.calls.push({ name, request });
    const o = fake.override[name] as ((r: unknown) => unknown) | undefined;
    if (o) return o(request);
    const h = handlers[name] as ((r: unknown) => unknown) | undefined;
    if (!h) throw new Error(`fake api: no ${name}`);
    return h(request);
  }) as NotebookApi;
  return fake;
}
