import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadFile } from '@/components/notebook/download';
import { dayStart } from '@/components/notebook/notebook-filters';
import { createNotebookState } from '@/components/notebook/notebook-state';
import { NotebookView } from '@/components/notebook/notebook-view';
import type { FileReply } from '@/utils/notebook/calls';
import { $, $$, click, mount, useEnglish } from './helpers/ui';
import { type FakeApi, fakeApi, passage } from './notebook-fake-api';
import { settle, setValue } from './notebook-ui-helpers';

beforeEach(useEnglish);

/** Captures the IntersectionObserver callbacks so a test can bring the list's end into view. */
const observers: { cb: IntersectionObserverCallback; el?: Element }[] = [];
class FakeIO {
  private entry: { cb: IntersectionObserverCallback; el?: Element };
  constructor(cb: IntersectionObserverCallback) {
    this.entry = { cb };
    observers.push(this.entry);
  }
  observe(el: Element) {
    this.entry.el = el;
  }
  disconnect() {
    const i = observers.indexOf(this.entry);
    if (i >= 0) observers.splice(i, 1);
  }
  unobserve() {}
  takeRecords() {
    return [];
  }
}
beforeEach(() => {
  observers.length = 0;
  vi.stubGlobal('IntersectionObserver', FakeIO);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

async function view(fake: FakeApi, props: { historyEnabled?: boolean; download?: (f: FileReply) => void } = {}) {
  const state = createNotebookState(fake.api);
  const onShowReason = vi.fn();
  const root = mount(
    <NotebookView
      state={state}
      historyEnabled={props.historyEnabled ?? false}
      onShowReason={onShowReason}
      searchDelay={0}
      download={props.download ?? (() => {})}
    />,
  );
  await settle();
  return { root, state, onShowReason };
}

const sentences = (root: HTMLElement) => $$(root, '[data-testid="nb-sentence"]').map((q) => q.textContent);

describe('NotebookView', () => {
  it('shows each reason with its balance and its passages grouped under it', async () => {
    const fake = fakeApi(Array.from({ length: 12 }, (_, i) => passage(i)));
    const { root, onShowReason } = await view(fake);
    const rows = $$(root, '[data-testid="nb-overview"] li');
    expect(rows).toHaveLength(8);
    expect(rows[0]?.textContent).toContain('1. User purchasing habits come first');
    expect($(rows[0]!, '[data-testid="nb-balance"]').textContent).toBe('1 support, 0 challenge, 1 context');
    const groups = $$(root, '.nb-group');
    expect(groups.map((g) => g.dataset.reason)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect($(groups[0]!, 'h3').textContent).toBe('Reason 1: Shopping habits');
    expect($$(groups[0]!, '[data-testid="nb-passage"]').map((li) => li.dataset.id)).toEqual(['p00008', 'p00000']);
    click($$(root, '[data-testid="nb-read-reason"]')[5]);
    expect(onShowReason).toHaveBeenCalledWith(6);
  });

  it('shows a passage: quote, stance badge, page title link, date, note, open link to the text fragment', async () => {
    const fake = fakeApi([passage(1, { note: 'Worth a look', sentence: 'Taobao got there first.' })]);
    const { root } = await view(fake);
    const li = $(root, '[data-testid="nb-passage"]');
    expect($(li, '[data-testid="nb-sentence"]').textContent).toBe('Taobao got there first.');
    expect($(li, '[data-testid="nb-stance"]').textContent).toBe('Challenges');
    const title = $(li, '[data-testid="nb-title"]') as HTMLAnchorElement;
    expect(title.textContent).toBe('Page 1');
    expect(title.getAttribute('href')).toBe('https://site1.example/page/1');
    expect($(li, 'time').textContent).toBe('2026-01-01');
    expect($(li, '[data-testid="nb-note"]').textContent).toBe('Worth a look');
    const open = $(li, '[data-testid="nb-open"]') as HTMLAnchorElement;
    expect(open.getAttribute('href')).toBe('https://site1.example/page/1#:~:text=Taobao%20got%20there%20first.');
    expect(open.getAttribute('target')).toBe('_blank');
    expect(open.getAttribute('rel')).toContain('noopener');
    expect(open.getAttribute('aria-label')).toBe('Open the passage on Page 1 (new tab)');
    expect($(li, '[data-testid="nb-delete"]').getAttribute('aria-label')).toBe('Delete the passage from Page 1');
  });

  it('renders hostile page text as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const fake = fakeApi([passage(0, { sentence: hostile, title: '<b>title</b>', note: '<script>x()</script>' })]);
    const { root } = await view(fake);
    expect(root.querySelector('img, b, script')).toBeNull();
    expect(sentences(root)).toEqual([hostile]);
    expect($(root, '[data-testid="nb-title"]').textContent).toBe('<b>title</b>');
    expect($(root, '[data-testid="nb-note"]').textContent).toBe('<script>x()</script>');
  });

  it('does not link a page that is not http(s)', async () => {
    const fake = fakeApi([passage(0, { pageUrl: 'javascript:alert(1)' })]);
    const { root } = await view(fake);
    expect(root.querySelector('a[href^="javascript"]')).toBeNull();
    expect(root.querySelector('[data-testid="nb-open"]')).toBeNull();
  });

  it('searches and filters', async () => {
    const fake = fakeApi(Array.from({ length: 30 }, (_, i) => passage(i)));
    const { root } = await view(fake);
    setValue($(root, '[data-testid="nb-search"]'), 'number 17 ');
    await settle();
    expect(sentences(root)).toEqual(['Sentence number 17 about WeChat.']);
    setValue($(root, '[data-testid="nb-search"]'), '');
    await settle();
    setValue($(root, '[data-testid="nb-filter-stance"]'), 'supports', 'change');
    await settle();
    expect($$(root, '[data-testid="nb-passage"]').every((li) => li.dataset.stance === 'supports')).toBe(true);
    setValue($(root, '[data-testid="nb-filter-reason"]'), '2', 'change');
    await settle();
    expect($$(root, '[data-testid="nb-passage"]').map((li) => li.dataset.id)).toEqual(['p00009']);
    setValue($(root, '[data-testid="nb-filter-entity"]'), 'wechat', 'change');
    await settle();
    expect($(root, '[data-testid="nb-empty"]').textContent).toBe('No kept passages match these filters.');
    click($(root, '[data-testid="nb-filter-clear"]'));
    await settle();
    expect($$(root, '[data-testid="nb-passage"]')).toHaveLength(30);
  });

  it('filters by site and date range (the last day included)', async () => {
    const fake = fakeApi(Array.from({ length: 30 }, (_, i) => passage(i * 24 * 60)));
    const { root } = await view(fake);
    setValue($(root, '[data-testid="nb-filter-from"]'), '2026-01-03', 'change');
    await settle();
    setValue($(root, '[data-testid="nb-filter-to"]'), '2026-01-04', 'change');
    await settle();
    expect(sentences(root).sort()).toEqual([
      'Sentence number 2880 about WeChat.',
      'Sentence number 4320 about WeChat.',
    ]);
    setValue($(root, '[data-testid="nb-filter-site"]'), 'SITE0.example', 'change');
    await settle();
    expect(sentences(root)).toHaveLength(2);
    setValue($(root, '[data-testid="nb-filter-site"]'), 'site1.example', 'change');
    await settle();
    expect(root.querySelector('[data-testid="nb-empty"]')).not.toBeNull();
    expect(dayStart('nonsense')).toBeUndefined();
  });

  it('edits stance, reason and note inline', async () => {
    const fake = fakeApi([passage(0), passage(1)]);
    const { root } = await view(fake);
    const li = $(root, '[data-id="p00000"]');
    click($(li, '[data-testid="nb-edit"]'));
    expect(document.activeElement).toBe($(li, '[data-testid="nb-edit-stance"]'));
    setValue($(li, '[data-testid="nb-edit-stance"]'), 'challenges', 'change');
    setValue($(li, '[data-testid="nb-edit-note"]'), 'Changed my mind');
    click($(li, '[data-testid="nb-edit-save"]'));
    await settle();
    const after = $(root, '[data-id="p00000"]');
    expect(after.dataset.stance).toBe('challenges');
    expect($(after, '[data-testid="nb-note"]').textContent).toBe('Changed my mind');
    expect(after.querySelector('[data-testid="nb-edit-form"]')).toBeNull();
    expect(document.activeElement).toBe($(after, '[data-testid="nb-edit"]'));
    expect(fake.calls.find((c) => c.name === 'nb-edit')?.request).toEqual({
      id: 'p00000',
      stance: 'challenges',
      reason: 1,
      note: 'Changed my mind',
    });
  });

  it('deletes with an undo bar that puts the passage back', async () => {
    const fake = fakeApi([passage(0), passage(8), passage(16)]);
    const { root } = await view(fake);
    click($(root, '[data-id="p00008"] [data-testid="nb-delete"]'));
    await settle();
    expect($$(root, '[data-testid="nb-passage"]').map((li) => li.dataset.id)).toEqual(['p00016', 'p00000']);
    expect($(root, '[data-testid="nb-undo"]').textContent).toContain('Passage deleted.');
    expect(document.activeElement).toBe($(root, '[data-testid="nb-undo-button"]'));
    expect($(root, '[data-testid="nb-balance"]').textContent).toBe('1 support, 1 challenge, 0 context');
    click($(root, '[data-testid="nb-undo-button"]'));
    await settle();
    expect($$(root, '[data-testid="nb-passage"]').map((li) => li.dataset.id)).toEqual(['p00016', 'p00008', 'p00000']);
    expect(root.querySelector('[data-testid="nb-undo"]')).toBeNull();
    expect(document.activeElement).toBe($(root, '[data-id="p00008"] [data-testid="nb-edit"]'));
  });

  it('renders 10,000 passages a page at a time, loading more when the end comes into view', async () => {
    const fake = fakeApi(Array.from({ length: 10_000 }, (_, i) => passage(i)));
    const { root } = await view(fake);
    expect($$(root, '[data-testid="nb-passage"]')).toHaveLength(50);
    expect(observers).toHaveLength(1);
    const io = observers[0]!;
    io.cb(
      [{ isIntersecting: true, target: io.el } as unknown as IntersectionObserverEntry],
      {} as IntersectionObserver,
    );
    await settle();
    expect($$(root, '[data-testid="nb-passage"]')).toHaveLength(100);
    click($(root, '[data-testid="nb-load-more"]'));
    await settle();
    expect($$(root, '[data-testid="nb-passage"]')).toHaveLength(150);
  });

  it('has an empty state', async () => {
    const { root } = await view(fakeApi([]));
    expect($(root, '[data-testid="nb-empty"]').textContent).toContain('No kept passages yet.');
    expect(root.querySelector('[data-testid="nb-load-more"]')).toBeNull();
  });

  it("shows this week's reasons only with history on", async () => {
    const off = await view(fakeApi([]));
    expect(off.root.querySelector('[data-testid="nb-week"]')).toBeNull();
    const on = await view(fakeApi([]), { historyEnabled: true });
    const week = $(on.root, '[data-testid="nb-week"]');
    expect($$(week, 'li').map((li) => li.textContent)).toEqual([
      'Reason 6: Moments 7 mentions',
      'Reason 2: Official accounts 3 mentions',
    ]);
    expect(week.textContent).toContain('From 4 pages in the last 7 days.');
  });

  it('exports files through the download prop, Markdown with localised words', async () => {
    const download = vi.fn();
    const fake = fakeApi([passage(0)]);
    const { root } = await view(fake, { download });
    for (const kind of ['markdown', 'json', 'csv', 'corrections']) {
      click($(root, `[data-testid="nb-export-${kind}"]`));
      await settle();
    }
    expect(download.mock.calls.map((c) => (c[0] as FileReply).filename)).toEqual([
      'nb.markdown',
      'nb.json',
      'nb.csv',
      'c.json',
    ]);
    const md = fake.calls.find((c) => c.name === 'nb-export')?.request as { words: { supports: string } };
    expect(md.words.supports).toBe('support');
  });

  it('imports a file and shows the report, or why the file was refused', async () => {
    const fake = fakeApi([]);
    fake.override['nb-import'] = () => ({
      ok: true,
      report: { added: 3, skipped: 1, rejected: 2, reasons: ['passage 2: pageUrl is not an http(s) URL'] },
    });
    const { root } = await view(fake);
    const input = $(root, '[data-testid="nb-import"]') as HTMLInputElement;
    expect(input.getAttribute('accept')).toContain('.json');
    const choose = async (text: string) => {
      const file = new File([text], 'n.json', { type: 'application/json' });
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await settle();
    };
    await choose('{"format":"eight-reasons-notebook","version":1}');
    const report = $(root, '[data-testid="nb-import-report"]');
    expect(report.textContent).toContain('Added 3, skipped 1 duplicates, rejected 2 invalid.');
    expect(report.textContent).toContain('Rejected because:');
    expect(report.textContent).toContain('passage 2: pageUrl is not an http(s) URL');
    fake.override['nb-import'] = () => ({ ok: false, error: 'file', message: 'The file is not JSON.' });
    await choose('<img src=x onerror=alert(1)>');
    expect(report.textContent).toBe('The file was not imported; nothing changed:The file is not JSON.');
    fake.override['nb-import'] = () => {
      throw new Error('Could not establish connection.');
    };
    await choose('{}');
    expect(report.textContent).toContain('Could not establish connection.');
  });
});

describe('downloadFile', () => {
  it('saves through a temporary link and revokes the object URL', () => {
    vi.useFakeTimers();
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:fake');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: HTMLAnchorElement[] = [];
    const orig = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      downloadFile({ filename: 'n.md', mime: 'text/markdown', text: '# x', count: 1 });
      expect(create).toHaveBeenCalledOnce();
      expect(clicked[0]?.download).toBe('n.md');
      expect(clicked[0]?.href).toBe('blob:fake');
      expect(document.querySelector('a[download]')).toBeNull();
      vi.runAllTimers();
      expect(revoke).toHaveBeenCalledWith('blob:fake');
    } finally {
      HTMLAnchorElement.prototype.click = orig;
      vi.useRealTimers();
    }
  });
});
