/**
 * The entities we highlight and their aliases in English and Chinese.
 * Matching rules (word boundaries, normalisation, guards) live in match.ts;
 * this file is only the table.
 */
import type { ReasonNumber } from './types';

/** The one list of companies: the EntityId type, ENTITY_IDS and isEntityId derive from it. Core ones first. */
const IDS = ['wechat', 'taobao', 'alibaba', 'tencent', 'tmall', 'alipay'] as const;
export type EntityId = (typeof IDS)[number];
export const ENTITY_IDS: readonly EntityId[] = IDS;

export interface Entity {
  id: EntityId;
  /** Display name in English and Chinese. */
  name: string;
  nameZh: string;
  /**
   * Aliases as they are written. Latin aliases match case-insensitively on
   * word boundaries; CJK aliases match anywhere. The longest alias wins.
   */
  aliases: readonly string[];
  /** On by default (the article's three); the related entities are opt-in. */
  core: boolean;
  /** Default highlight colour (hex); the user may change it in the options. */
  color: string;
}

export const ENTITIES: readonly Entity[] = [
  {
    id: 'wechat',
    name: 'WeChat',
    nameZh: '微信',
    aliases: ['WeChat', 'Weixin', 'WeChat Pay', '微信', '微信支付'],
    core: true,
    color: '#12b76a',
  },
  {
    id: 'taobao',
    name: 'Taobao',
    nameZh: '淘宝',
    aliases: ['Taobao', 'Taobao.com', '淘宝', '淘宝网'],
    core: true,
    color: '#f97316',
  },
  {
    id: 'alibaba',
    name: 'Alibaba',
    nameZh: '阿里巴巴',
    aliases: ['Alibaba', 'Alibaba Group', 'Alibaba.com', '阿里巴巴', '阿里巴巴集团'],
    core: true,
    color: '#3b82f6',
  },
  {
    id: 'tencent',
    name: 'Tencent',
    nameZh: '腾讯',
    aliases: ['Tencent', '腾讯'],
    core: false,
    color: '#a855f7',
  },
  {
    id: 'tmall',
    name: 'Tmall',
    nameZh: '天猫',
    aliases: ['Tmall', '天猫'],
    core: false,
    color: '#e11d48',
  },
  {
    id: 'alipay',
    name: 'Alipay',
    nameZh: '支付宝',
    aliases: ['Alipay', '支付宝'],
    core: false,
    color: '#06b6d4',
  },
];

export const CORE_ENTITY_IDS: readonly EntityId[] = /* @__PURE__ */ ENTITIES.filter((e) => e.core).map((e) => e.id);

/** Whether two lists name the same entities, in any order. */
export function sameEntities(a: readonly EntityId[], b: readonly EntityId[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}

export function entityById(id: EntityId): Entity {
  const found = ENTITIES.find((e) => e.id === id);
  if (!found) throw new Error(`unknown entity ${id}`);
  return found;
}

export function isEntityId(v: unknown): v is EntityId {
  return typeof v === 'string' && (ENTITY_IDS as readonly string[]).includes(v);
}

export function isReasonNumber(v: unknown): v is ReasonNumber {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 8;
}
