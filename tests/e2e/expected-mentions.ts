/**
 * The mentions a careful reader sees on our fixture pages, in document order.
 * `where` is the id of the nearest element with an id around the mention;
 * `reason` is the argument it must link to (null: plainly about something
 * else, so not linked), or undefined where two readings are defensible.
 */
import type { EntityId, ReasonNumber } from '../../utils/types';

export interface ExpectedMention {
  entity: EntityId;
  /** The range's text exactly (soft hyphens included). */
  text: string;
  where: string;
  reason?: ReasonNumber | null;
}

/** tests/fixtures/pages/demo.html with the default entities (WeChat, Taobao, Alibaba). */
export const DEMO_MENTIONS: readonly ExpectedMention[] = [
  { entity: 'wechat', text: 'WeChat', where: 'p-accounts', reason: 2 },
  { entity: 'wechat', text: 'WeChat', where: 'p-service', reason: 3 },
  { entity: 'taobao', text: 'Taobao', where: 'p-taobao', reason: 1 },
  { entity: 'taobao', text: '淘宝', where: 'p-taobao-zh', reason: 1 },
  { entity: 'wechat', text: '微信', where: 'p-moments-zh', reason: 6 },
  { entity: 'wechat', text: '微信', where: 'p-moments-split', reason: 6 },
  { entity: 'wechat', text: 'WeChat Pay', where: 'p-pay', reason: 7 },
  { entity: 'wechat', text: '微信支付', where: 'p-pay-zh', reason: 7 },
  { entity: 'alibaba', text: 'Alibaba', where: 'p-logistics', reason: 8 },
  { entity: 'alibaba', text: '阿里巴巴', where: 'p-logistics-zh', reason: 8 },
  { entity: 'wechat', text: 'ＷｅＣｈａｔ', where: 'p-fullwidth', reason: 2 },
  { entity: 'taobao', text: 'Tao\u00adbao', where: 'p-shy', reason: 1 },
  { entity: 'wechat', text: 'WeChat', where: 'p-bold', reason: 2 },
  { entity: 'alibaba', text: 'Alibaba', where: 't-tale', reason: null },
  { entity: 'alibaba', text: '阿里巴巴', where: 't-tale-zh', reason: null },
  { entity: 'alibaba', text: 'Alibaba', where: 'p-far', reason: 8 },
];

/** Mentions of the related entities on demo.html, highlighted only once turned on in the options. */
export const DEMO_RELATED: readonly ExpectedMention[] = [
  { entity: 'tencent', text: 'Tencent', where: 'p-related' },
  { entity: 'alipay', text: 'Alipay', where: 'p-related' },
  { entity: 'tmall', text: 'Tmall', where: 'p-related' },
  { entity: 'tmall', text: '天猫', where: 'p-related' },
];

/** tests/fixtures/pages/traps-en.html */
export const TRAPS_EN_MENTIONS: readonly ExpectedMention[] = [
  { entity: 'wechat', text: 'WeChat', where: 'possessive', reason: 2 },
  { entity: 'wechat', text: 'WECHAT', where: 'upper', reason: 6 },
  { entity: 'wechat', text: 'Weixin', where: 'weixin', reason: 7 },
  { entity: 'wechat', text: 'WeChat Pay', where: 'longest', reason: 7 },
  { entity: 'taobao', text: 'Taobao.com', where: 'dotcom', reason: 1 },
  { entity: 'alibaba', text: 'Alibaba Group', where: 'group', reason: 8 },
  { entity: 'wechat', text: 'ＷｅＣｈａｔ', where: 'fullwidth', reason: 2 },
  { entity: 'taobao', text: 'Tao\u00adbao', where: 'shy', reason: 1 },
  { entity: 'wechat', text: 'We\u200bChat', where: 'zwsp', reason: 6 },
  { entity: 'wechat', text: 'WeChat', where: 'split', reason: 2 },
  { entity: 'alibaba', text: 'Alibaba', where: 'split-deep', reason: 8 },
  { entity: 'alibaba', text: 'Alibaba', where: 'tale', reason: null },
];

/** tests/fixtures/pages/traps-zh.html */
export const TRAPS_ZH_MENTIONS: readonly ExpectedMention[] = [
  { entity: 'wechat', text: '微信', where: 'gongzhonghao', reason: 2 },
  { entity: 'wechat', text: '微信', where: 'pengyouquan', reason: 6 },
  { entity: 'wechat', text: '微信支付', where: 'zhifu', reason: 7 },
  { entity: 'taobao', text: '淘宝网', where: 'taobaowang', reason: 1 },
  { entity: 'alibaba', text: '阿里巴巴集团', where: 'jituan', reason: 8 },
  { entity: 'wechat', text: '微信', where: 'split', reason: 6 },
  { entity: 'taobao', text: '淘宝', where: 'split-em', reason: 1 },
  { entity: 'wechat', text: '微\u200b信', where: 'zwsp', reason: 2 },
  { entity: 'alibaba', text: '阿里巴巴', where: 'tale', reason: null },
  { entity: 'wechat', text: 'ＷｅＣｈａｔ', where: 'fullwidth', reason: 3 },
];

/** Count per entity of a list of expected mentions. */
export function countsOf(list: readonly ExpectedMention[]): Partial<Record<EntityId, number>> {
  const out: Partial<Record<EntityId, number>> = {};
  for (const m of list) out[m.entity] = (out[m.entity] ?? 0) + 1;
  return out;
}
