import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CueList, ENTITY_REASONS, REASON_CUES, UNRELATED_CUES } from '@/utils/cues';
import { ENTITY_IDS } from '@/utils/entities';
import { contextAround, FIRM_CONFIDENCE, indexCues, linkMention, linkMentionIn, mayHoldEnglish } from '@/utils/link';
import type { EntityId, ReasonNumber } from '@/utils/types';

/** [entity, sentence, expected reason, a cue that must be among the deciding ones] */
type Case = [EntityId, string, ReasonNumber, string];

const ENGLISH: Case[] = [
  ['taobao', 'Shoppers still open Taobao first out of habit, even when a rival is cheaper.', 1, 'habit'],
  [
    'alibaba',
    'Alibaba enjoyed a first-mover advantage that later entrants never overcame.',
    1,
    'first mover advantage',
  ],
  ['taobao', 'Taobao beat eBay in China by making its C2C listings free.', 1, 'eBay'],
  ['tencent', 'Analysts say Tencent simply lacks the DNA of a retailer.', 1, 'DNA'],
  ['tmall', 'For branded goods, Tmall remains the go-to shopping destination.', 1, 'shopping destination'],
  ['wechat', 'Brands pour money into WeChat official accounts to publish long articles.', 2, 'official account'],
  ['wechat', 'A popular public account on WeChat lost readers when it started selling tea.', 2, 'public account'],
  ['wechat', 'Self-media writers on WeChat earn more from advertising than from goods.', 2, 'self-media'],
  [
    'wechat',
    'The retailer opened a WeChat service account, hoping to turn followers into buyers.',
    3,
    'service account',
  ],
  ['wechat', 'Conversion rates inside WeChat stores remain stubbornly low for most merchants.', 3, 'conversion rate'],
  ['wechat', 'Merchants handed out coupons to win fans on WeChat, but few ever placed orders.', 3, 'merchant'],
  ['wechat', 'WeChat is a social tool, and people do not want to haggle with their acquaintances.', 4, 'social tool'],
  ['wechat', 'Doing business with friends on WeChat makes the friendship awkward.', 4, 'friendship'],
  ['wechat', 'Users keep WeChat for their social circle and shop somewhere else.', 4, 'social circle'],
  ['wechat', 'Heavy commercialisation could ruin the WeChat ecosystem.', 5, 'ecosystem'],
  ['wechat', 'If ads flood the app, loyal users may abandon WeChat altogether.', 5, 'loyal user'],
  ['wechat', 'Executives worry that intrusive selling would damage the WeChat user experience.', 5, 'user experience'],
  ['wechat', 'Sellers spam their WeChat Moments with photos of handbags.', 6, 'WeChat Moments'],
  [
    'wechat',
    'A daigou who sells cosmetics to her circle of friends on WeChat was blocked by dozens of contacts.',
    6,
    'circle of friends',
  ],
  ['wechat', 'Micro-business resellers on WeChat were accused of running pyramid schemes.', 6, 'micro-business'],
  ['wechat', 'WeChat lacks the big data and cloud computing that large retailers rely on.', 7, 'big data'],
  ['wechat', 'Search inside WeChat is still weak compared with a real search engine.', 7, 'search engine'],
  ['wechat', 'WeChat Pay is widely used for O2O services such as food delivery.', 7, 'O2O'],
  // Alipay is Alibaba's capital flow: payment beside it is reason 8's escrow and trust.
  ['alipay', 'Alipay handles mobile payments for hundreds of millions of people.', 8, 'mobile payment'],
  ['tencent', 'Tencent has invested heavily in cloud computing to catch up.', 7, 'cloud computing'],
  ['wechat', 'Commerce on WeChat is decentralised, with no one running logistics or after-sales.', 8, 'decentralised'],
  ['alibaba', 'Alibaba built a nationwide logistics network through Cainiao.', 8, 'logistics'],
  ['alibaba', "Alibaba's supply chain and warehouses give it tight control of delivery times.", 8, 'supply chain'],
  ['taobao', 'Taobao tightened its quality control after a wave of counterfeit goods.', 8, 'quality control'],
];

const CHINESE: Case[] = [
  ['taobao', '说到网购，大多数人的购物习惯还是先打开淘宝。', 1, '购物习惯'],
  ['alibaba', '阿里巴巴凭借先发优势占据了电商市场。', 1, '先发优势'],
  ['tencent', '业内普遍认为腾讯缺乏电商基因。', 1, '电商基因'],
  ['taobao', '当年淘宝以免费策略打败了易趣。', 1, '易趣'],
  ['wechat', '不少微信公众号开始在文章里插入商品链接。', 2, '公众号'],
  ['wechat', '微信上的自媒体靠广告赚钱，卖货反而掉粉。', 2, '自媒体'],
  ['wechat', '商家开通微信服务号，希望把粉丝转化为顾客。', 3, '服务号'],
  ['wechat', '微信小店的转化率一直很低。', 3, '转化率'],
  ['wechat', '微信是一个社交工具，熟人之间谈买卖会很尴尬。', 4, '社交工具'],
  ['wechat', '一旦涉及交易，通过微信建立的关系就会变得生硬。', 4, '生硬'],
  ['wechat', '过度商业化会破坏微信的生态环境。', 5, '生态环境'],
  ['wechat', '广告太多，微信可能流失大批忠实用户。', 5, '忠实用户'],
  ['wechat', '很多人在微信朋友圈卖面膜，最后被好友屏蔽。', 6, '朋友圈'],
  ['wechat', '微商和代购在微信上刷屏，让人反感。', 6, '微商'],
  ['wechat', '微信缺少大数据和云计算的支撑。', 7, '大数据'],
  ['wechat', '微信搜索只是一个封闭的搜索。', 7, '微信搜索'],
  ['wechat', '微信支付让线下扫码付款变得很方便。', 7, '付款'],
  ['alipay', '支付宝是阿里巴巴的移动支付工具。', 8, '移动支付'],
  ['wechat', '微信电商是去中心化的，缺少统一的运营和管理。', 8, '去中心化'],
  ['alibaba', '阿里巴巴的物流体系依托菜鸟网络。', 8, '物流'],
  ['taobao', '淘宝加大了对假货的监管力度。', 8, '假货'],
  ['tmall', '天猫的品牌旗舰店统一由平台管理售后。', 8, '售后'],
];

describe('linkMention: English sentences', () => {
  it.each(ENGLISH)('%s: %s -> %i', (entity, sentence, reason, cue) => {
    const r = linkMention(entity, sentence, sentence);
    expect(r.reason).toBe(reason);
    expect(r.source).toBe('sentence');
    expect(r.cues).toContain(cue);
    expect(r.confidence).toBeGreaterThan(0.2);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });
});

describe('linkMention: Chinese sentences', () => {
  it.each(CHINESE)('%s: %s -> %i', (entity, sentence, reason, cue) => {
    const r = linkMention(entity, sentence, sentence);
    expect(r.reason).toBe(reason);
    expect(r.source).toBe('sentence');
    expect(r.cues).toContain(cue);
  });
});

describe('linkMention: traditional characters', () => {
  it('reads the telling cues in traditional characters too, and masks the traditional names', () => {
    expect(linkMention('wechat', '很多品牌在微信開了公眾號和訂閱號。', '')).toMatchObject({
      reason: 2,
      source: 'sentence',
    });
    expect(linkMention('alipay', '我用支付寶。', '')).toMatchObject({ reason: null, source: 'none' });
  });
});

describe('linkMention: Chinese text with English words', () => {
  it('finds an English cue in a Chinese sentence', () => {
    const r = linkMention('wechat', '很多品牌在微信上开了official account，每天推送文章。', '');
    expect(r).toMatchObject({ reason: 2, source: 'sentence' });
    expect(r.cues).toContain('official account');
  });

  it('lets every English cue, as a page writes it, through the test that spares Chinese text the English table', () => {
    const all: string[] = [];
    for (const list of [...Object.values(REASON_CUES).map((c) => c.en), UNRELATED_CUES.en] as CueList[]) {
      for (const w of [3, 2, 1] as const) all.push(...(list[w] ?? []));
    }
    expect(all.length).toBeGreaterThan(200);
    for (const raw of all) {
      const written = raw.replace('=', '').replaceAll('*', 'ised');
      expect(mayHoldEnglish(`微信${written}很重要`), raw).toBe(true);
      expect(mayHoldEnglish(`微信${written.toUpperCase()}很重要`), raw).toBe(true);
    }
  });

  it('does not build the English table for a Chinese sentence whose Latin words are names', () => {
    expect(mayHoldEnglish('电脑登录微信无需扫码，浏览QQ空间提速 5 倍')).toBe(false);
    expect(mayHoldEnglish('微信和QQ')).toBe(false);
    // The Chinese cues decide it, as without the names.
    const r = linkMention('wechat', '电脑登录微信无需扫码，浏览QQ空间提速 5 倍', '');
    expect(r.source).toBe('sentence');
    expect(r).toEqual(linkMention('wechat', '电脑登录微信无需扫码，浏览空间提速倍', ''));
  });
});

describe('linkMention: order of evidence', () => {
  it('uses the paragraph when the sentence has no cue', () => {
    const paragraph = 'Many shops now run a service account to collect followers. WeChat said nothing about it.';
    const r = linkMention('wechat', 'WeChat said nothing about it.', paragraph);
    expect(r).toMatchObject({ reason: 3, source: 'paragraph' });
    expect(r.cues).toContain('service account');
  });

  it('reads a paragraph from a text indexed once: the same answer as linkMention, only cues inside the window', () => {
    const paragraph = 'Many shops now run a service account to collect followers. WeChat said nothing about it.';
    const sentence = 'WeChat said nothing about it.';
    const index = indexCues(paragraph);
    expect(linkMentionIn('wechat', sentence, index, 0, paragraph.length)).toEqual(
      linkMention('wechat', sentence, paragraph),
    );
    // The window starts after "service account": that cue no longer counts.
    const from = paragraph.indexOf('to collect');
    expect(linkMentionIn('wechat', sentence, index, from, paragraph.length)).toEqual(
      linkMention('wechat', sentence, paragraph.slice(from)),
    );
    expect(linkMentionIn('wechat', sentence, index, from, paragraph.length).cues).not.toContain('service account');
    // A cue cut by the window's end is not counted either.
    const cut = paragraph.indexOf('account') + 3;
    expect(linkMentionIn('wechat', sentence, index, 0, cut).cues).not.toContain('service account');
  });

  it('prefers the sentence over the paragraph', () => {
    const paragraph = 'Brands post in Moments all day. WeChat official accounts are a media business.';
    const r = linkMention('wechat', 'WeChat official accounts are a media business.', paragraph);
    expect(r).toMatchObject({ reason: 2, source: 'sentence' });
  });

  it('gives no reason when no cue is anywhere: no per-company default', () => {
    for (const entity of ENTITY_IDS) {
      const r = linkMention(entity, 'It was mentioned yesterday.', 'It was mentioned yesterday. Nothing else.');
      expect(r).toEqual({ reason: null, firm: false, cues: [], confidence: 0, source: 'none' });
    }
  });

  it('lets every reason compete for every company, but firm only under the reasons the article names it for', () => {
    const r = linkMention('taobao', 'Taobao also opened an official account and a subscription account last year.', '');
    expect(r).toMatchObject({ reason: 2, source: 'sentence', firm: false });
    expect(ENTITY_REASONS.taobao).not.toContain(2);
    const w = linkMention('wechat', 'WeChat opened an official account and a subscription account last year.', '');
    expect(w).toMatchObject({ reason: 2, firm: true });
  });

  it('does not link on one generic word alone', () => {
    expect(linkMention('wechat', 'WeChat has a lot of content.', '')).toMatchObject({ reason: null, source: 'none' });
    expect(linkMention('wechat', '微信的内容。', '')).toMatchObject({ reason: null, source: 'none' });
  });

  it('uses the paragraph only when the sentence has nothing or agrees, and then counts it for less', () => {
    const paragraph = 'Shops run a service account and count conversion. WeChat has a lot of content.';
    // The sentence's one generic word (content, reason 2) contradicts the paragraph (reason 3): no link.
    expect(linkMention('wechat', 'WeChat has a lot of content.', paragraph).reason).toBeNull();
    const p = linkMention(
      'wechat',
      'WeChat said so.',
      'Shops run a service account and count conversion. WeChat said so.',
    );
    const s = linkMention('wechat', 'Shops run a service account and count conversion on WeChat.', '');
    expect(p).toMatchObject({ reason: 3, source: 'paragraph' });
    expect(s).toMatchObject({ reason: 3, source: 'sentence' });
    expect(p.confidence).toBeLessThan(s.confidence);
  });

  it('is firm on several strong cues, tentative on one', () => {
    const one = linkMention('wechat', 'Selling in WeChat Moments.', '');
    expect(one).toMatchObject({ reason: 6, firm: false });
    expect(one.confidence).toBeLessThan(FIRM_CONFIDENCE);
    const many = linkMention(
      'wechat',
      'Daigou sellers spam WeChat Moments, the circle of friends, with facial masks.',
      '',
    );
    expect(many).toMatchObject({ reason: 6, firm: true });
    expect(many.confidence).toBeGreaterThanOrEqual(FIRM_CONFIDENCE);
  });

  it('is deterministic on ties and reports higher confidence for clearer wins', () => {
    const weak = linkMention('wechat', 'WeChat media and fans.', '');
    expect(linkMention('wechat', 'WeChat media and fans.', '')).toEqual(weak);
    const strong = linkMention('wechat', 'WeChat official accounts, subscription accounts and self-media.', '');
    expect(strong.reason).toBe(2);
    expect(strong.confidence).toBeGreaterThan(weak.confidence);
  });

  it('matches English cues on word boundaries only, with plurals', () => {
    // "fan" must not fire inside "fancy"; "stores" is the plural of "store".
    expect(linkMention('wechat', 'A fancy WeChat sticker.', '').source).toBe('none');
    expect(linkMention('wechat', 'On WeChat, stores and shops opened.', '').cues).toEqual(['store', 'shop']);
  });

  it('settles two arguments the sentence names equally by its paragraph, and only then', () => {
    // "courier" (8) and "shopping festival" (1) weigh the same: the sentence alone keeps its order.
    const sentence = 'Couriers were busy during the Alibaba shopping festival.';
    expect(linkMention('alibaba', sentence, '')).toMatchObject({ reason: 1, cues: ['shopping festival'] });
    expect(linkMention('alibaba', sentence, `${sentence} Warehouses overflowed.`)).toMatchObject({
      reason: 8,
      cues: ['courier'],
      firm: false,
    });
    // A paragraph speaking of neither leaves the order as it was; one word more in the sentence is no tie.
    expect(linkMention('alibaba', sentence, `${sentence} The weather was fine.`).reason).toBe(1);
    const unequal = 'Couriers and warehouses were busy during the Alibaba shopping festival.';
    expect(linkMention('alibaba', unequal, `${unequal} Most people shop online now.`).reason).toBe(8);
  });

  it('lets a phrase only one argument uses beat generic words, however many', () => {
    // Beside Taobao a shopper's words weigh as telling ones (reason 1), 2 + 2 against escrow's phrase (3).
    expect(linkMention('taobao', '担保交易在淘宝中为买家提供购物安全。', '')).toMatchObject({
      reason: 8,
      cues: ['担保交易'],
    });
    expect(linkMention('taobao', 'Escrow keeps Taobao safe for shoppers and consumers.', '').reason).toBe(8);
    // With a telling word of its own ("marketplace"), the other argument counts by weight again.
    expect(linkMention('taobao', 'Escrow keeps the Taobao marketplace safe for shoppers.', '').reason).toBe(1);
  });

  it('reads a stem cue only in the words it stands for', () => {
    // "scan" (reason 7) is no part of "scandal"; "organis(e)" (8) none of "organic"; "post" (6) none of "postal".
    expect(
      linkMention('alibaba', 'A scandal engulfed Alibaba, and the technology press wrote of it.', '').cues,
    ).not.toContain('scandal');
    expect(linkMention('alibaba', 'Alibaba sells organic tea.', '').cues).toEqual([]);
    expect(linkMention('wechat', 'Shoppers scan a QR code in WeChat.', '').cues).toContain('scan');
  });

  it('reads escrow told in words as the capital flow (8)', () => {
    expect(linkMention('alipay', 'Only then will Alipay release the funds to the merchant.', '').reason).toBe(8);
    expect(linkMention('alipay', 'Micro-stores take Alipay, but they have no fund custody.', '').reason).toBe(8);
    expect(linkMention('alipay', '支付宝提供资金托管。', '').reason).toBe(8);
  });

  it('reads no cue in the second half of a hyphenated word', () => {
    // "operation" is a reason-8 cue; "co-operation" is not about operations.
    expect(linkMention('alibaba', 'Alibaba signed a co-operation deal with centralised management.', '').cues).toEqual([
      'centralised',
      'management',
    ]);
    expect(linkMention('alibaba', 'Alibaba signed a co-operation deal.', '').reason).toBeNull();
    expect(linkMention('alibaba', 'Alibaba signed a cooperation deal.', '').reason).toBeNull();
  });

  it("never reads a company's own name as a cue", () => {
    // 支付宝 holds 支付 (payment), "WeChat Pay" holds "pay", 微信支付 holds 支付.
    expect(linkMention('alipay', '支付宝很好用。', '')).toMatchObject({ reason: null, source: 'none' });
    expect(linkMention('alipay', '我用支付宝和微信支付。', '')).toMatchObject({ reason: null, source: 'none' });
    expect(linkMention('wechat', 'WeChat Pay and Alipay are popular.', '')).toMatchObject({ reason: null });
    // A cue reaching beyond the name still counts: 淘宝大学 is seller training.
    expect(linkMention('taobao', '淘宝大学开课了。', '')).toMatchObject({ reason: 8 });
  });

  it("never reads a word across a name's edge, and finds the word that starts after it", () => {
    // 微信用户 holds 信用 (credit) across the edge of 微信; 用户体验 starts inside that false word.
    expect(linkMention('wechat', '微信用户很多。', '')).toMatchObject({ reason: null, source: 'none' });
    expect(linkMention('wechat', '微信用户体验变差了。', '')).toMatchObject({ reason: 5, cues: ['用户体验'] });
  });

  it('reads words in any case, next to letters a page may write outside ASCII', () => {
    // "İ" lowers to two characters: offsets and labels must not shift after it.
    const r = linkMention('wechat', 'İstanbul media run WeChat OFFICIAL Accounts and Mini-Programs.', '');
    expect(r).toMatchObject({ reason: 2, source: 'sentence' });
    expect(r.cues).toContain('official account');
    expect(linkMention('wechat', 'İİİ WeChat official accounts.', '')).toEqual(
      linkMention('wechat', 'WeChat official accounts.', ''),
    );
  });

  it('reads Moments with no word of selling as a story about something else', () => {
    // Reason 6 is selling in Moments: blocking a relative there is not it, selling facial masks there is.
    expect(linkMention('wechat', 'She blocked her aunt in WeChat Moments.', '')).toMatchObject({ reason: null });
    expect(
      linkMention('wechat', 'She blocked her aunt in WeChat Moments.', 'The aunt sold facial creams.').reason,
    ).toBe(6);
    expect(linkMention('wechat', '她在微信朋友圈屏蔽了亲戚。', '')).toMatchObject({ reason: null });
    expect(linkMention('wechat', '她在微信朋友圈屏蔽了卖面膜的亲戚。', '').reason).toBe(6);
    // A telling word of the argument itself needs no selling word beside it.
    expect(linkMention('wechat', 'Daigou fill WeChat Moments.', '').reason).toBe(6);
  });

  it('lets a venue named alone yield to the neighbouring argument, not when its own argument is spoken of', () => {
    // An official account gathering fans for a store is reason 3's; one run as a medium stays reason 2's.
    expect(linkMention('wechat', 'Merchants use a WeChat official account to gain fans.', '').reason).toBe(3);
    expect(linkMention('wechat', 'Media use WeChat official accounts to gain fans.', '').reason).toBe(2);
    expect(linkMention('wechat', '商家用微信公众号吸粉。', '').reason).toBe(3);
    // Moments spoilt as a whole is reason 5's; Moments with daigou is still reason 6's.
    expect(linkMention('wechat', 'Ads pollute WeChat Moments.', '').reason).toBe(5);
    expect(linkMention('wechat', 'Daigou ads pollute WeChat Moments.', '').reason).toBe(6);
  });

  it('reads a venue named only as the place of a text about something else as no argument', () => {
    expect(linkMention('wechat', '这个微信公众号因为敏感词被迫改名。', '')).toMatchObject({
      reason: null,
      source: 'unrelated',
    });
    expect(linkMention('wechat', '这个微信公众号的自媒体作者因为敏感词被迫改名。', '').reason).toBe(2);
  });

  it('does not count two names of one thing as two witnesses', () => {
    expect(linkMention('tmall', "Tmall's Singles' Day, or Double 11, broke records.", '')).toMatchObject({
      reason: 1,
      firm: false,
      cues: ["Singles' Day"],
    });
  });

  it('does not count two forms of one word as two witnesses', () => {
    const r = linkMention('wechat', 'She kept unfriending them on WeChat, and they were unfriended.', '');
    expect(r).toMatchObject({ reason: 6, firm: false, cues: ['unfriending'] });
  });

  it('does not count a cue inside another found cue as a second witness', () => {
    expect(linkMention('wechat', '企业微信是私域流量平台，私域用户很多。', '')).toMatchObject({
      reason: 3,
      firm: false,
      cues: ['私域流量'],
    });
  });

  it('does not count a gloss in the other script as a second witness, but a phrase with more of its words', () => {
    const gloss = linkMention('wechat', 'Brands sell to their private domain (私域) on WeChat.', '');
    expect(gloss).toMatchObject({ reason: 3, firm: false });
    const phrase = linkMention('alibaba', 'Alibaba runs Cainiao and its logistics.', '');
    expect(phrase).toMatchObject({ reason: 8, firm: true });
  });

  it('keeps a link tentative when its sentence also speaks of something else', () => {
    const mixed = linkMention('alibaba', 'Alibaba runs Cainiao and its logistics, and its share price rose.', '');
    expect(mixed).toMatchObject({ reason: 8, firm: false, cues: ['Cainiao', 'logistics'] });
  });

  it("reads shoppers beside Taobao or Tmall as the shopping habit, and payment beside Alibaba's companies as reason 8", () => {
    expect(linkMention('tmall', 'Shoppers like Tmall.', '').reason).toBe(1);
    expect(linkMention('wechat', 'Shoppers like WeChat.', '').reason).toBeNull();
    expect(linkMention('alibaba', 'Alibaba trains talent in villages.', '').reason).toBe(8);
    expect(linkMention('tencent', 'Tencent hires talent.', '').reason).toBeNull();
    expect(linkMention('alipay', 'Alipay handles payment for sellers.', '').reason).toBe(8);
    expect(linkMention('taobao', 'Taobao handles payment for sellers.', '').reason).toBe(8);
    expect(linkMention('tencent', 'Tencent handles payment for sellers.', '').reason).toBe(7);
    expect(linkMention('wechat', 'WeChat handles payment for sellers.', '').reason).toBe(7);
  });

  it("reads payment for travellers, the state's regulations, lawsuits and deleted accounts as something else", () => {
    expect(linkMention('alipay', 'Alipay handles payment for sellers.', '').reason).toBe(8);
    expect(linkMention('alipay', 'Alipay handles payment for foreign travelers.', '')).toMatchObject({
      reason: null,
      source: 'unrelated',
    });
    expect(linkMention('alipay', 'New regulations cover payment on Alipay.', '').reason).toBeNull();
    expect(linkMention('wechat', '游客可在微信小程序上预约。', '').reason).toBeNull();
    expect(linkMention('alibaba', 'Litigation over counterfeiting reached Alibaba.', '').reason).toBeNull();
    expect(linkMention('wechat', 'Her WeChat official account was deleted.', '').reason).toBeNull();
    expect(linkMention('alibaba', '阿里巴巴收到国家市场监督管理总局的处罚决定书。', '').reason).toBeNull();
  });

  it('reads "Moments" as the feature only when capitalised', () => {
    expect(linkMention('wechat', 'She posts ads in Moments on WeChat.', '').reason).toBe(6);
    expect(linkMention('wechat', 'WeChat loaded in a few moments.', '').source).toBe('none');
    // Right after the name, lower case is still the feature.
    expect(linkMention('wechat', 'Daigou ads fill my Wechat moments.', '').reason).toBe(6);
  });

  it("reads WeChat's own Moments ads as commerce harming WeChat (5), a friend's ads there as Moments selling (6)", () => {
    const cases: [string, number][] = [
      ['WeChat launched Moments ads for brands.', 5],
      ['微信推出了朋友圈广告。', 5],
      ['WeChat first launched ads on its Moments platform.', 5],
      ['She posts ads in Moments on WeChat.', 6],
    ];
    for (const [sentence, reason] of cases) expect(linkMention('wechat', sentence, '').reason, sentence).toBe(reason);
  });

  it('reads 运营 (operations) as evidence beside Alibaba only', () => {
    expect(linkMention('taobao', '淘宝刷单是虚假运营手段。', '').reason).toBeNull();
    expect(linkMention('alibaba', '阿里巴巴的运营很强。', '').reason).toBe(8);
  });

  it('reads "ecommerce" as "e-commerce", and a capitalised "Fan" as a name, not a follower', () => {
    const { cues: _, ...spelt } = linkMention('alibaba', 'Alibaba is the largest e-commerce platform.', '');
    expect(linkMention('alibaba', 'Alibaba is the largest ecommerce platform.', '')).toMatchObject(spelt);
    expect(spelt.reason).toBe(1);
    expect(linkMention('wechat', 'WeChat helps brands win a fan base.', '').cues).toContain('fan');
    expect(linkMention('tencent', 'Tencent now leads, says Fan.', '').source).toBe('none');
  });
});

describe('linkMention: unrelated context', () => {
  it('does not link the Ali Baba folk tale', () => {
    for (const [s, p] of [
      ['阿里巴巴与四十大盗是《一千零一夜》里的故事。', ''],
      ['Alibaba said "open sesame" and the cave of the forty thieves opened.', ''],
      ['他大喊一声“芝麻开门”，阿里巴巴走进了山洞。', ''],
    ]) {
      const r = linkMention('alibaba', s as string, p as string);
      expect(r).toMatchObject({ reason: null, firm: false, source: 'unrelated' });
      expect(r.cues.length).toBeGreaterThan(0);
    }
  });

  it('uses the paragraph to spot the tale when the sentence says nothing', () => {
    const p = '阿里巴巴与四十大盗的故事家喻户晓。强盗把宝藏藏在山洞里。阿里巴巴后来成了富翁。';
    expect(linkMention('alibaba', '阿里巴巴后来成了富翁。', p).source).toBe('unrelated');
  });

  it('reads a weak link in a paragraph plainly about something else as no argument, not a strong one', () => {
    const p = 'Its shares rose on the stock exchange after the IPO, and the market value doubled.';
    expect(
      linkMention('alibaba', 'The e-commerce giant Alibaba listed.', `The e-commerce giant Alibaba listed. ${p}`),
    ).toMatchObject({
      reason: null,
      source: 'unrelated',
    });
    const strong = 'Alibaba runs logistics through Cainiao.';
    expect(linkMention('alibaba', strong, `${strong} ${p}`)).toMatchObject({ reason: 8 });
  });

  it("reads a shopper's daily life beside Taobao as the habit, not beside WeChat", () => {
    expect(linkMention('taobao', 'Taobao is part of their daily lives.', '').reason).toBe(1);
    expect(linkMention('wechat', 'WeChat is part of their daily lives.', '').reason).toBeNull();
  });

  it('still links the company when commerce words outweigh a passing reference', () => {
    const s =
      'Named after the tale of the forty thieves, Alibaba runs logistics, warehouses and a supply chain across China.';
    expect(linkMention('alibaba', s, s)).toMatchObject({ reason: 8, source: 'sentence' });
  });
});

describe('linkMention: no argument', () => {
  it.each([
    ['wechat', 'WeChat censors political messages, the government says.'],
    ['alibaba', 'Alibaba shares fell after the IPO was halted and its market value shrank.'],
    ['alibaba', 'Regulators fined Alibaba in an antitrust case.'],
    ['tencent', 'Tencent reported higher game revenue this quarter.'],
    ['wechat', '微信审查了政治敏感词。'],
    ['alibaba', '阿里巴巴股价下跌，市值蒸发。'],
    ['tencent', '腾讯的游戏收入增长了。'],
  ] as [EntityId, string][])('%s: %s -> none', (entity, sentence) => {
    expect(linkMention(entity, sentence, sentence)).toMatchObject({ reason: null, firm: false, source: 'unrelated' });
  });
});

describe('cue data', () => {
  it('has English and Chinese cues for every reason, with positive weights', () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8] as const) {
      const count = (list: CueList) => Object.values(list).reduce((sum, cues) => sum + cues.length, 0);
      expect(count(REASON_CUES[n].en)).toBeGreaterThan(10);
      expect(count(REASON_CUES[n].zh)).toBeGreaterThan(10);
      for (const list of [REASON_CUES[n].en, REASON_CUES[n].zh]) {
        expect(Object.keys(list).every((w) => ['1', '2', '3'].includes(w))).toBe(true);
      }
    }
    expect(ENTITY_REASONS.wechat).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('contextAround', () => {
  const text =
    'First sentence here. Then "WeChat is big." After that, 微信很好。再见！ Visit Taobao.com today!\nA line about Alibaba';

  function around(word: string) {
    const i = text.indexOf(word);
    return contextAround(text, i, i + word.length);
  }

  it('finds the English sentence, keeping its closing quote', () => {
    expect(around('WeChat').sentence).toBe('Then "WeChat is big."');
  });

  it('splits Chinese sentences on 。！？；', () => {
    expect(around('微信').sentence).toBe('After that, 微信很好。');
    expect(contextAround('甲；乙说淘宝好？丙', 3, 5).sentence).toBe('乙说淘宝好？');
  });

  it('does not split on the dot inside a name or a number', () => {
    expect(around('Taobao.com').sentence).toBe('Visit Taobao.com today!');
    expect(contextAround('It grew 3.5 times on WeChat. Then', 21, 27).sentence).toBe('It grew 3.5 times on WeChat.');
  });

  it('stops at a newline and at the end of the text', () => {
    expect(around('Alibaba').sentence).toBe('A line about Alibaba');
  });

  it('collapses whitespace', () => {
    expect(contextAround('  WeChat\n\t is   here ', 2, 8).sentence).toBe('WeChat');
    expect(contextAround('  WeChat   is \t here ', 2, 8).sentence).toBe('WeChat is here');
  });

  it('makes a short snippet centred on the mention, with ellipses when cut', () => {
    const long = `${'word '.repeat(60)}WeChat${' more'.repeat(60)}`;
    const i = long.indexOf('WeChat');
    const { snippet } = contextAround(long, i, i + 6);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('WeChat');
    expect(snippet.length).toBeLessThanOrEqual(124);
    expect(snippet.length).toBeGreaterThan(90);
    // Whole words only.
    expect(snippet).toMatch(/^…word /);
    expect(snippet).toMatch(/ more…$/);
    const mid = snippet.indexOf('WeChat');
    expect(Math.abs(mid - (snippet.length - mid - 6))).toBeLessThan(20);
  });

  it('keeps a short text whole', () => {
    expect(contextAround('Hi WeChat.', 3, 9).snippet).toBe('Hi WeChat.');
  });

  it('cuts the sentence exactly where the rule says, on any text', () => {
    // The rule, written plainly: 。！？；!? and line breaks end a sentence; a "." does when a space, a closing quote
    // or bracket, or the end of the text follows.
    const ends = (t: string, i: number) =>
      '。！？；!?\n\r'.includes(t.charAt(i)) ||
      (t.charAt(i) === '.' && (i + 1 === t.length || /[\s"'”’)）」』]/.test(t.charAt(i + 1))));
    const reference = (t: string, start: number, end: number) => {
      let from = start;
      while (from > 0 && !ends(t, from - 1)) from--;
      let to = end;
      while (to < t.length && !ends(t, to)) to++;
      if (to < t.length && !/[\n\r]/.test(t.charAt(to))) {
        to++;
        to += /^["'”’)）」』]+/.exec(t.slice(to, to + 4))?.[0].length ?? 0;
      }
      return t
        .slice(from, to)
        .replace(/^["'”’)）」』]+(?=\s)/, '')
        .replace(/\s+/g, ' ')
        .trim();
    };
    const piece = fc.constantFrom(
      'a',
      'B',
      ' ',
      '.',
      '!',
      '?',
      ';',
      '；',
      '。',
      '！',
      '？',
      '\n',
      '"',
      '”',
      '）',
      '微',
      '\u00a0',
      '3',
    );
    const mention = fc.constantFrom('WeChat', '微信', 'Taobao.com');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), mention, fc.array(piece, { maxLength: 40 }), (a, m, b) => {
        const text = a.join('') + m + b.join('');
        const start = a.join('').length;
        expect(contextAround(text, start, start + m.length).sentence).toBe(reference(text, start, start + m.length));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('cue tables', () => {
  it('every Chinese cue holds a character at or above U+3000 (findCues skips the Chinese table for text without one)', () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8] as const) {
      for (const raw of Object.values(REASON_CUES[n].zh).flat()) expect(raw, raw).toMatch(/[\u3000-\uffff]/);
    }
    for (const raw of Object.values(UNRELATED_CUES.zh).flat()) expect(raw, raw).toMatch(/[\u3000-\uffff]/);
  });
});
