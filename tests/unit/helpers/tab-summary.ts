/** Sample tab summaries and panel mentions for the UI model and component tests. */
import type { PanelMention } from '@/components/mention-model';
import type { EntityId, ReasonNumber, TabSummary } from '@/utils/types';

/** A page with mentions of three entities, for the popup's components. */
export const summary: TabSummary = {
  tabId: 3,
  url: 'https://news.example/a',
  title: 'News',
  mentions: [],
  total: 7,
  capped: false,
  paused: false,
  countsByEntity: { wechat: 4, taobao: 2, alibaba: 1 },
  countsByReason: { 6: 4, 1: 2, 3: 1 },
  firmByReason: { 6: 3, 1: 2 },
  unlinked: 0,
};

/** A mention for the model tests: firm whenever it is linked. */
let nextId = 0;
export function mention(
  entity: EntityId,
  reason: ReasonNumber | null,
  extra: Partial<PanelMention> = {},
): PanelMention {
  nextId += 1;
  return {
    id: nextId,
    frameId: 0,
    entity,
    text: entity,
    snippet: `about ${entity} here`,
    sentence: `about ${entity} here.`,
    link: {
      reason,
      firm: reason !== null,
      cues: reason ? ['cue'] : [],
      confidence: 0.5,
      source: reason ? 'sentence' : 'unrelated',
    },
    ...extra,
  };
}

export function summaryOf(mentions: PanelMention[], extra: Partial<TabSummary> = {}): TabSummary {
  const countsByEntity: TabSummary['countsByEntity'] = {};
  const countsByReason: TabSummary['countsByReason'] = {};
  const firmByReason: TabSummary['firmByReason'] = {};
  let unlinked = 0;
  for (const m of mentions) {
    countsByEntity[m.entity] = (countsByEntity[m.entity] ?? 0) + 1;
    if (m.link.reason) countsByReason[m.link.reason] = (countsByReason[m.link.reason] ?? 0) + 1;
    if (m.link.reason && m.link.firm) firmByReason[m.link.reason] = (firmByReason[m.link.reason] ?? 0) + 1;
    if (!m.link.reason) unlinked++;
  }
  return {
    tabId: 1,
    url: 'https://example.com/a',
    title: 'A page',
    mentions,
    total: mentions.length,
    capped: false,
    paused: false,
    countsByEntity,
    countsByReason,
    firmByReason,
    unlinked,
    ...extra,
  };
}
