import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GROUP_PAGE, MentionList } from '@/components/mention-list';
import { filterMentions, groupMentions, type PanelMention } from '@/components/mention-model';
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
