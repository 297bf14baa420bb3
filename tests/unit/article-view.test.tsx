import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ArticleView } from '@/components/article-view';
import { ARTICLE_BLOCKS, searchBlocks } from '@/components/search-model';
import { $, $$, click, mount, useEnglish } from './helpers/ui';

beforeEach(useEnglish);

describe('ArticleView', () => {
  it('renders the eight reasons as sections, marks the active one', () => {
    const root = mount(<ArticleView active={6} read={[]} onToggleRead={() => {}} hits={[]} currentHit={null} />);
    const sections = $$(root, 'section[data-reason]');
    expect(sections.map((s) => s.dataset.reason)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect($$(root, 'section[data-active="true"]').map((s) => s.dataset.reason)).toEqual(['6']);
    expect(root.textContent).toContain('castle in the air');
  });

  it('highlights search hits as <mark> text, the current one distinct', () => {
    const hits = searchBlocks(ARTICLE_BLOCKS, 'circle of friends');
    expect(hits.length).toBeGreaterThan(1);
    const root = mount(<ArticleView active={null} read={[]} onToggleRead={() => {}} hits={hits} currentHit={1} />);
    const marks = $$(root, 'mark');
    expect(marks).toHaveLength(hits.length);
    expect(marks.every((m) => m.textContent?.toLowerCase() === 'circle of friends')).toBe(true);
    expect($$(root, 'mark.current').map((m) => m.dataset.hit)).toEqual(['1']);
    // The text itself is unchanged by the marks.
    const first = hits[0]!;
    const section = $(root, `section[data-reason="${first.block.slice(1, 2)}"]`);
    expect(section.textContent).toContain(ARTICLE_BLOCKS.find((b) => b.id === first.block)!.text);
  });

  it('toggles a reason read from its own section', () => {
    const onToggleRead = vi.fn();
    const root = mount(
      <ArticleView active={null} read={[3]} onToggleRead={onToggleRead} hits={[]} currentHit={null} />,
    );
    const read3 = $(root, 'section[data-reason="3"] [data-testid="mark-read"]');
    const read4 = $(root, 'section[data-reason="4"] [data-testid="mark-read"]');
    expect(read3.getAttribute('aria-pressed')).toBe('true');
    expect(read4.getAttribute('aria-pressed')).toBe('false');
    expect(read4.textContent).toBe('Mark reason 4 as read');
    click(read4);
    expect(onToggleRead).toHaveBeenCalledWith(4);
  });
});
