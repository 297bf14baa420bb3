/** Side panel components: mention list, filters, search bar, article view, contents. */
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ArticleView } from '@/components/article-view';
import { MentionControls } from '@/components/mention-controls';
import { GROUP_PAGE, MentionList } from '@/components/mention-list';
import { filterMentions, groupMentions, NO_FILTER, type PanelMention } from '@/components/mention-model';
import { SearchBar } from '@/components/search-bar';
import { ARTICLE_BLOCKS, searchBlocks } from '@/components/search-model';
import { Toc } from '@/components/toc';
import type { EntityId, ReasonNumber } from '@/utils/types';
import { $, $$, click, mount, useEnglish } from './helpers/ui';

beforeEach(useEnglish);

let nextId = 0;
function mention(entity: EntityId, reason: ReasonNumber | null, extra: Partial<PanelMention> = {}): PanelMention {
  nextId += 1;
  return {
    id: nextId,
    frameId: 0,
    entity,
    text: entity === 'wechat' ? 'WeChat' : entity,
    snippet: `Some text about ${entity === 'wechat' ? 'WeChat' : entity} in context.`,
    sentence: `Some text about ${entity === 'wechat' ? 'WeChat' : entity} in context.`,
    link: {
      reason,
      cues: reason === 6 ? ['Moments', '朋友圈'] : [],
      firm: reason === 6,
      confidence: 0.5,
      source: reason === null ? 'unrelated' : reason === 6 ? 'sentence' : 'paragraph',
    },
    ...extra,
  };
}

describe('MentionList', () => {
  const mentions = [mention('taobao', 1), mention('wechat', 6), mention('alibaba', null), mention('wechat', 2)];

  it('groups linked mentions by entity with a count per group, and those about no argument apart', () => {
    const root = mount(<MentionList groups={groupMentions(mentions)} currentKey={null} onJump={() => {}} />);
    const groups = $$(root, '.mention-group');
    expect(groups.map((g) => g.dataset.group)).toEqual(['wechat', 'taobao', 'none']);
    expect($(groups[2]!, 'h3').textContent).toBe('Not about the article’s arguments (1)');
    expect($(groups[0]!, 'h3').textContent).toBe('WeChat (2)');
    const items = $$(root, '[data-testid="mention"]');
    expect(items.map((li) => [li.dataset.entity, li.dataset.reason])).toEqual([
      ['wechat', '6'],
      ['wechat', '2'],
      ['taobao', '1'],
      ['alibaba', 'none'],
    ]);
  });

  it('shows the linked reason and why', () => {
    const root = mount(<MentionList groups={groupMentions(mentions)} currentKey={null} onJump={() => {}} />);
    const [moments, tentative] = $$(root, '[data-testid="mention"]');
    expect(moments?.textContent).toContain('Reason 6: Moments');
    expect(moments?.dataset.link).toBe('firm');
    expect(moments?.textContent).toContain('linked by: Moments, 朋友圈');
    expect(tentative?.textContent).toContain('May relate to reason 2: Official accounts');
    expect(tentative?.dataset.link).toBe('tentative');
    const none = $(root, '[data-entity="alibaba"][data-testid="mention"]');
    expect(none.dataset.link).toBe('none');
    expect(none.textContent).toContain('Not about the article');
    expect(none.textContent).not.toMatch(/Reason \d/);
  });

  it('renders page text as text, never as markup', () => {
    const hostile = mention('wechat', 6, {
      text: 'WeChat',
      snippet: '<img src=x onerror="window.pwned=1"> WeChat <b>bold</b>',
    });
    const root = mount(<MentionList groups={groupMentions([hostile])} currentKey={null} onJump={() => {}} />);
    const snippet = $(root, '.mention-snippet');
    expect(snippet.querySelector('img, b')).toBeNull();
    expect(snippet.textContent).toBe('<img src=x onerror="window.pwned=1"> WeChat <b>bold</b>');
    expect($(snippet, 'strong').textContent).toBe('WeChat');
  });

  it('jumps to the mention of the clicked button and marks the current one', () => {
    const onJump = vi.fn();
    const groups = groupMentions(mentions);
    const target = groups[1]!.mentions[0]!;
    const root = mount(<MentionList groups={groups} currentKey={`0:${target.id}`} onJump={onJump} />);
    const item = $(root, '[data-testid="mention"][data-entity="taobao"]');
    expect(item.getAttribute('aria-current')).toBe('true');
    expect($$(root, '[aria-current="true"]')).toHaveLength(1);
    const jump = $(item, '[data-testid="jump"]');
    expect(jump.getAttribute('aria-label')).toBe('Jump to “taobao” (Taobao) on the page');
    click(jump);
    expect(onJump).toHaveBeenCalledWith(target);
  });

  it('shows a long group a page at a time', () => {
    const many = Array.from({ length: GROUP_PAGE + 30 }, () => mention('wechat', 6));
    const root = mount(<MentionList groups={groupMentions(many)} currentKey={null} onJump={() => {}} />);
    expect($$(root, '[data-testid="mention"]')).toHaveLength(GROUP_PAGE);
    const more = $(root, '.show-more');
    expect(more.textContent).toBe('Show 30 more (of 30)');
    click(more);
    expect($$(root, '[data-testid="mention"]')).toHaveLength(GROUP_PAGE + 30);
    expect(root.querySelector('.show-more')).toBeNull();
  });

  it('says so when the filters leave nothing', () => {
    const root = mount(
      <MentionList
        groups={groupMentions(filterMentions(mentions, { entity: 'taobao', reason: 6 }))}
        currentKey={null}
        onJump={() => {}}
      />,
    );
    expect(root.textContent).toBe('No mentions match these filters.');
  });
});

describe('MentionControls', () => {
  function setup() {
    const onFilter = vi.fn();
    const onStep = vi.fn();
    const root = mount(
      <MentionControls
        filter={NO_FILTER}
        entities={['wechat', 'taobao', 'alibaba']}
        onFilter={onFilter}
        onStep={onStep}
        canStep={true}
        position="2 of 5"
      />,
    );
    return { root, onFilter, onStep };
  }

  it('filters by entity and by reason through labelled selects', () => {
    const { root, onFilter } = setup();
    const entity = $(root, '[data-testid="filter-entity"]') as HTMLSelectElement;
    const reason = $(root, '[data-testid="filter-reason"]') as HTMLSelectElement;
    expect(entity.closest('label')?.textContent).toContain('Name');
    expect([...entity.options].map((o) => o.value)).toEqual(['all', 'wechat', 'taobao', 'alibaba']);
    expect([...reason.options].map((o) => o.value)).toEqual(['all', '1', '2', '3', '4', '5', '6', '7', '8', 'none']);
    act(() => {
      entity.value = 'taobao';
      entity.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onFilter).toHaveBeenLastCalledWith({ entity: 'taobao', reason: 'all' });
    act(() => {
      reason.value = '6';
      reason.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onFilter).toHaveBeenLastCalledWith({ entity: 'all', reason: 6 });
    act(() => {
      reason.value = 'none';
      reason.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onFilter).toHaveBeenLastCalledWith({ entity: 'all', reason: 'none' });
  });

  it('steps to the previous and next mention', () => {
    const { root, onStep } = setup();
    click($(root, '[data-testid="mention-next"]'));
    click($(root, '[data-testid="mention-prev"]'));
    expect(onStep.mock.calls).toEqual([[1], [-1]]);
    expect(root.textContent).toContain('2 of 5');
  });
});

describe('SearchBar', () => {
  function key(el: HTMLElement, k: string, shiftKey = false) {
    act(() => {
      el.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, cancelable: true }));
    });
  }

  it('shows the count and steps with Enter, Shift+Enter and the buttons', () => {
    const onStep = vi.fn();
    const onQuery = vi.fn();
    const root = mount(<SearchBar query="moments" total={12} current={2} onQuery={onQuery} onStep={onStep} />);
    expect($(root, '[data-testid="search-count"]').textContent).toBe('3 of 12');
    const input = $(root, '[data-testid="search"]');
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Search the article');
    key(input, 'Enter');
    key(input, 'Enter', true);
    click($(root, '[data-testid="search-next"]'));
    click($(root, '[data-testid="search-prev"]'));
    expect(onStep.mock.calls).toEqual([[1], [-1], [1], [-1]]);
    key(input, 'Escape');
    expect(onQuery).toHaveBeenCalledWith('');
  });

  it('says when nothing is found and disables stepping', () => {
    const root = mount(<SearchBar query="zzzz" total={0} current={null} onQuery={() => {}} onStep={() => {}} />);
    expect($(root, '[data-testid="search-count"]').textContent).toBe('No results');
    expect(($(root, '[data-testid="search-next"]') as HTMLButtonElement).disabled).toBe(true);
  });
});

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

describe('Toc', () => {
  it('links the eight reasons and shows reading progress with a tick per read reason', () => {
    const onGo = vi.fn();
    const root = mount(<Toc active={2} read={[1, 2, 8]} onGo={onGo} />);
    const items = $$(root, '[data-testid="toc-item"]');
    expect(items.map((a) => a.dataset.reason)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect($(root, '[data-testid="read-progress"]').textContent).toBe('3/8 read');
    expect(items.filter((a) => a.dataset.read === 'true').map((a) => a.dataset.reason)).toEqual(['1', '2', '8']);
    expect($(items[0]!, '.tick').textContent).toBe('✓');
    expect($(items[2]!, '.tick').textContent).toBe('');
    expect(items[1]?.getAttribute('aria-current')).toBe('location');
    expect(items[0]?.getAttribute('href')).toBe('#reason-1');
    click(items[4]);
    expect(onGo).toHaveBeenCalledWith(5);
  });
});
