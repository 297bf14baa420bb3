import { describe, expect, it } from 'vitest';
import {
  escapeMarkdownInline,
  escapeMarkdownLine,
  markdownUrl,
  passagesToMarkdown,
} from '../../utils/notebook/export-markdown';
import type { KeptPassage } from '../../utils/notebook/types';

function p(over: Partial<KeptPassage> = {}): KeptPassage {
  return {
    id: 'a',
    sentence: 'WeChat stores rarely convert followers.',
    title: 'A page',
    pageUrl: 'https://example.com/a',
    site: 'example.com',
    entity: 'wechat',
    reason: 3,
    stance: 'supports',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

describe('escaping', () => {
  it('neutralises links, images, HTML, emphasis and code', () => {
    const s = escapeMarkdownInline(
      '[x](javascript:alert(1)) ![i](http://e/i.png) <script>a</script> *b* _c_ `d` ~e~ |f|',
    );
    expect(s).not.toMatch(/(^|[^\\])[[\]()`*_~|]/);
    expect(s).not.toContain('<');
    expect(s).toContain('&lt;script\\>');
  });
  it('keeps text on one line so it cannot leave its block quote', () => {
    expect(escapeMarkdownInline('a\n# b\r\n> c')).toBe('a \\# b \\> c');
  });
  it('escapes block markers at the start of a line', () => {
    expect(escapeMarkdownLine('# title')).toBe('\\# title');
    expect(escapeMarkdownLine('> quote')).toBe('\\> quote');
    expect(escapeMarkdownLine('- item')).toBe('\\- item');
    expect(escapeMarkdownLine('+ item')).toBe('\\+ item');
    expect(escapeMarkdownLine('1. item')).toBe('1\\. item');
    expect(escapeMarkdownLine('=== ')).toBe('\\=== ');
  });
  it('escapes entities so &lt; in page text stays literal', () => {
    expect(escapeMarkdownInline('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
  });
  it('links only http(s) URLs, with brackets and spaces encoded', () => {
    expect(markdownUrl('javascript:alert(1)')).toBeNull();
    expect(markdownUrl('data:text/html,x')).toBeNull();
    expect(markdownUrl('https://e.com/a(b) c#frag')).toBe('https://e.com/a%28b%29%20c');
  });
});

describe('passagesToMarkdown', () => {
  it('writes a heading per reason with its balance, block quotes and a source link', () => {
    const md = passagesToMarkdown(
      [
        p({ id: 'b', stance: 'challenges', note: 'Not so sure', createdAt: '2026-01-02T00:00:00.000Z' }),
        p(),
        p({ id: 'c', reason: 6, sentence: '朋友圈卖货的人被屏蔽了。', title: '' }),
        p({ id: 'd', reason: 6, deletedAt: '2026-01-03T00:00:00.000Z' }),
      ],
      { titles: { 3: 'Followers rarely buy', 6: 'Moments selling dies' }, heading: 'Notebook' },
    );
    expect(md).toBe(
      [
        '# Notebook',
        '',
        '## 3. Followers rarely buy',
        '',
        '1 support, 1 challenge, 0 context',
        '',
        '> WeChat stores rarely convert followers.',
        '',
        'challenges · Not so sure · [A page](https://example.com/a)',
        '',
        '> WeChat stores rarely convert followers.',
        '',
        'supports · [A page](https://example.com/a)',
        '',
        '## 6. Moments selling dies',
        '',
        '1 support, 0 challenge, 0 context',
        '',
        '> 朋友圈卖货的人被屏蔽了。',
        '',
        'supports · [https://example.com/a](https://example.com/a)',
        '',
      ].join('\n'),
    );
  });
  it('uses the given wording for balance and stance, and a fallback title', () => {
    const md = passagesToMarkdown([p({ reason: 2 })], {
      titles: {},
      balanceLine: (b) => `${b.supports} 支持，${b.challenges} 反对`,
      stanceLabel: (s) => (s === 'supports' ? '支持' : s),
      skipEmpty: true,
    });
    expect(md).toContain('## 2. Reason 2');
    expect(md).toContain('1 支持，0 反对');
    expect(md).toContain('支持 · [A page]');
  });
  it('page text cannot inject a link, HTML or a heading', () => {
    const md = passagesToMarkdown(
      [
        p({
          sentence: '# Hi [click](javascript:alert(1)) <img src=x onerror=alert(1)>',
          title: 'x](javascript:alert(1)) [y',
          note: '\n## injected',
        }),
      ],
      { titles: {} },
    );
    expect(md).not.toContain('](javascript');
    expect(md).not.toContain('<img');
    expect(md).not.toMatch(/^## injected/m);
    expect(md).toContain('> \\# Hi \\[click\\]');
  });
  it('shows a non-http(s) URL as text, never as a link', () => {
    const md = passagesToMarkdown([p({ pageUrl: 'javascript:alert(1)', title: 'T' })], { titles: {} });
    expect(md).toContain('supports · T\n');
  });
});
