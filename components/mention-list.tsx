/**
 * The tab's mentions grouped by entity, with those about none of the
 * arguments in a group of their own: snippet (plain text), linked reason (firm, or "may relate to"),
 * the cue words that linked it, and a jump-to button. Long groups show a page
 * at a time so a capped page (thousands of mentions) stays light.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import type { MentionInfo } from '@/utils/types';
import { entityName, reasonLabel } from './labels';
import { type MentionGroup, mentionKey, type PanelMention } from './mention-model';
import { SHORT_TITLES } from './reason-model';
import { splitSnippet } from './snippet';

export const GROUP_PAGE = 100;

export interface MentionListProps {
  groups: readonly MentionGroup<PanelMention>[];
  /** Key (frameId:id) of the mention revealed last. */
  currentKey: string | null;
  onJump: (m: PanelMention) => void;
  /** What the panel adds under a mention (the notebook's Keep and Correct, and their forms). */
  extra?: (m: PanelMention) => ComponentChildren;
}

export function linkText(m: MentionInfo): string {
  const cues = m.link.cues.join(', ');
  if (m.link.source === 'reader') return t('nb_correct_byYou');
  if (m.link.reason === null) return cues ? t('card_aboutOther', cues) : t('card_noCues');
  return t('card_linkedBy', cues);
}

/** "Reason 6: Moments", "May relate to reason 6: Moments" or "Not about the article". */
export function linkLabel(m: MentionInfo): string {
  const n = m.link.reason;
  if (n === null) return t('mention_noReason');
  return m.link.firm ? reasonLabel(n) : t('mention_mayRelate', [String(n), SHORT_TITLES[n]]);
}

function MentionItem({
  m,
  current,
  onJump,
  extra,
}: {
  m: PanelMention;
  current: boolean;
  onJump: (m: PanelMention) => void;
  extra?: (m: PanelMention) => ComponentChildren;
}) {
  const [before, hit, after] = splitSnippet(m.snippet, m.text);
  return (
    <li
      class="mention"
      data-testid="mention"
      data-entity={m.entity}
      data-reason={m.link.reason ?? 'none'}
      data-link={m.link.reason === null ? 'none' : m.link.firm ? 'firm' : 'tentative'}
      data-current={current ? 'true' : undefined}
      data-kept={m.kept ? 'true' : undefined}
      aria-current={current ? 'true' : undefined}
    >
      <p class="mention-snippet">
        {before}
        {hit && <strong>{hit}</strong>}
        {after}
      </p>
      <p class="mention-meta">
        <span class="mention-reason">{linkLabel(m)}</span>
        <span class="mention-cues">{linkText(m)}</span>
      </p>
      <button
        type="button"
        class="jump"
        data-testid="jump"
        aria-label={t('jump_label', [m.text, entityName(m.entity)])}
        onClick={() => onJump(m)}
      >
        {t('jump')}
      </button>
      {extra?.(m)}
    </li>
  );
}

function Group({
  group,
  currentKey,
  onJump,
  extra,
}: { group: MentionGroup<PanelMention> } & Omit<MentionListProps, 'groups'>) {
  const [shown, setShown] = useState(GROUP_PAGE);
  const headingId = `mentions-${group.key}`;
  const rest = group.mentions.length - shown;
  const entity = group.key === 'none' ? undefined : group.key;
  return (
    <section class="mention-group" aria-labelledby={headingId} data-entity={entity} data-group={group.key}>
      <h3 id={headingId} class="mention-group-heading">
        {entity && <span class={`swatch swatch-${entity}`} aria-hidden="true" />}
        {entity ? entityName(entity) : t('mentions_unlinkedGroup')}{' '}
        <span class="group-count">({group.mentions.length})</span>
      </h3>
      <ul class="mention-items">
        {group.mentions.slice(0, shown).map((m) => {
          const key = mentionKey(m);
          return <MentionItem key={key} m={m} current={key === currentKey} onJump={onJump} extra={extra} />;
        })}
      </ul>
      {rest > 0 && (
        <button type="button" class="show-more" onClick={() => setShown(shown + GROUP_PAGE)}>
          {t('show_more', [String(Math.min(rest, GROUP_PAGE)), String(rest)])}
        </button>
      )}
    </section>
  );
}

export function MentionList({ groups, currentKey, onJump, extra }: MentionListProps) {
  if (groups.length === 0) return <p class="empty">{t('mentions_noneMatch')}</p>;
  return (
    <div class="mention-list">
      {groups.map((g) => (
        <Group key={g.key} group={g} currentKey={currentKey} onJump={onJump} extra={extra} />
      ))}
    </div>
  );
}
