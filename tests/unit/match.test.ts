import { describe, expect, it } from 'vitest';
import { CORE_BATCH_PATTERN } from '@/utils/batch-pattern';
import { CORE_ENTITY_IDS, ENTITY_IDS } from '@/utils/entities';
import { aliasEntity, batchPattern, candidateNodes, findMatches, hasCandidate, normalizeForMatch } from '@/utils/match';
import { batchPatternModule } from '../../scripts/generated';

/** The matched slices of the original text, with their entity. */
function found(text: string, entities = ENTITY_IDS): [string, string][] {
  return findMatches(text, entities).map((m) => [m.entity, text.slice(m.start, m.end)]);
}

describe('findMatches: Latin aliases', () => {
  it('is case-insensitive', () => {
    expect(found('WeChat wechat WECHAT weChat')).toEqual([
      ['wechat', 'WeChat'],
      ['wechat', 'wechat'],
      ['wechat', 'WECHAT'],
      ['wechat', 'weChat'],
    ]);
  });

  it('finds every core and related name', () => {
    expect(found('Weixin, Taobao, Alibaba, Tencent, Tmall and Alipay.')).toEqual([
      ['wechat', 'Weixin'],
      ['taobao', 'Taobao'],
      ['alibaba', 'Alibaba'],
      ['tencent', 'Tencent'],
      ['tmall', 'Tmall'],
      ['alipay', 'Alipay'],
    ]);
  });

  it('never matches inside a longer Latin word', () => {
    expect(found('wechatty xWeChat WeChat2 2WeChat taobaos Alibabas supertmall alipayment')).toEqual([]);
    expect(found('WeChaté éWeChat')).toEqual([]);
  });

  it('accepts possessives and punctuation around a name', () => {
    expect(found('WeChat\'s WeChat’s (WeChat) WeChat. "WeChat" WeChat-based WeChat_')).toEqual(
      Array.from({ length: 7 }, () => ['wechat', 'WeChat']),
    );
  });

  it('prefers the longest alias', () => {
    const m = findMatches('Pay with WeChat Pay today', CORE_ENTITY_IDS);
    expect(m).toEqual([{ entity: 'wechat', alias: 'WeChat Pay', start: 9, end: 19 }]);
    expect(found('Alibaba Group and Alibaba.com')).toEqual([
      ['alibaba', 'Alibaba Group'],
      ['alibaba', 'Alibaba.com'],
    ]);
    expect(found('Taobao.com is big.')).toEqual([['taobao', 'Taobao.com']]);
  });

  it('falls back to the shorter alias when the longer one is blocked', () => {
    expect(found('WeChat Payment')).toEqual([['wechat', 'WeChat']]);
    expect(found('Taobao.company')).toEqual([['taobao', 'Taobao']]);
    expect(found('Ends with Taobao.')).toEqual([['taobao', 'Taobao']]);
  });

  it('matches "WeChat Pay" across any whitespace run', () => {
    expect(found('WeChat\u00a0Pay and WeChat \n Pay')).toEqual([
      ['wechat', 'WeChat\u00a0Pay'],
      ['wechat', 'WeChat \n Pay'],
    ]);
  });

  it('reports the canonical alias', () => {
    expect(findMatches('WECHAT PAY', ['wechat'])[0]?.alias).toBe('WeChat Pay');
  });
});

describe('findMatches: Chinese aliases', () => {
  it('matches without word boundaries', () => {
    expect(found('我用微信付款，在淘宝买东西，阿里巴巴很大。')).toEqual([
      ['wechat', '微信'],
      ['taobao', '淘宝'],
      ['alibaba', '阿里巴巴'],
    ]);
  });

  it('prefers the longest alias', () => {
    expect(found('阿里巴巴集团旗下的淘宝网和微信支付')).toEqual([
      ['alibaba', '阿里巴巴集团'],
      ['taobao', '淘宝网'],
      ['wechat', '微信支付'],
    ]);
  });

  it('never matches "阿里" alone', () => {
    expect(found('阿里山是台湾的一座山，阿里云和阿里妈妈')).toEqual([]);
  });

  it('finds the related entities', () => {
    expect(found('腾讯、天猫和支付宝')).toEqual([
      ['tencent', '腾讯'],
      ['tmall', '天猫'],
      ['alipay', '支付宝'],
    ]);
  });

  it('finds Latin names inside Chinese text', () => {
    expect(found('打开WeChat支付')).toEqual([['wechat', 'WeChat']]);
  });
});

describe('findMatches: text as people see it', () => {
  it('matches full-width letters', () => {
    const text = '用ＷｅＣｈａｔ付款';
    expect(findMatches(text, ['wechat'])).toEqual([{ entity: 'wechat', alias: 'WeChat', start: 1, end: 7 }]);
    expect(found('ｔａｏｂａｏ．ｃｏｍ')).toEqual([['taobao', 'ｔａｏｂａｏ．ｃｏｍ']]);
  });

  it('treats a full-width letter as a word character', () => {
    expect(found('ｘWeChat WeChatｙ')).toEqual([]);
  });

  it('skips soft hyphens and zero-width characters inside a name', () => {
    for (const ch of ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
      const text = `see We${ch}Chat and 微${ch}信`;
      expect(found(text)).toEqual([
        ['wechat', `We${ch}Chat`],
        ['wechat', `微${ch}信`],
      ]);
    }
  });

  it('never starts or ends a match on a skipped character', () => {
    const text = '\u200bWeChat\u200b';
    expect(findMatches(text, ['wechat'])).toEqual([{ entity: 'wechat', alias: 'WeChat', start: 1, end: 7 }]);
  });

  it('keeps offsets in the original text after skipped characters', () => {
    const text = '\u00ad\u00ad微\u200b信 and Ｔａｏｂａｏ';
    const m = findMatches(text, CORE_ENTITY_IDS);
    expect(m.map((x) => [x.start, x.end])).toEqual([
      [2, 5],
      [10, 16],
    ]);
  });
});

describe('findMatches: entity selection and shape', () => {
  it('finds only the entities asked for', () => {
    expect(found('WeChat, Tencent, 腾讯, 天猫', CORE_ENTITY_IDS)).toEqual([['wechat', 'WeChat']]);
    expect(findMatches('WeChat', [])).toEqual([]);
  });

  it('does not depend on the order of the entity list', () => {
    const text = '微信支付 Alipay Taobao';
    expect(findMatches(text, ['alipay', 'wechat', 'taobao'])).toEqual(
      findMatches(text, ['taobao', 'wechat', 'alipay']),
    );
  });

  it('returns sorted, non-overlapping matches', () => {
    const text = 'WeChat微信WeChat Pay微信支付宝淘宝网Taobao.com阿里巴巴集团';
    const m = findMatches(text, ENTITY_IDS);
    for (let i = 1; i < m.length; i++) expect(m[i]!.start).toBeGreaterThanOrEqual(m[i - 1]!.end);
    // Leftmost-longest: 微信支付 is taken first, leaving 宝 alone.
    expect(m.map((x) => x.alias)).toEqual([
      'WeChat',
      '微信',
      'WeChat Pay',
      '微信支付',
      '淘宝网',
      'Taobao.com',
      '阿里巴巴集团',
    ]);
  });

  it('handles empty and very long text', () => {
    expect(findMatches('', ENTITY_IDS)).toEqual([]);
    const long = `${'lorem ipsum dolor '.repeat(20000)}WeChat`;
    expect(findMatches(long, ENTITY_IDS)).toHaveLength(1);
  });
});

describe('hasCandidate', () => {
  it('agrees with findMatches', () => {
    for (const text of [
      '',
      'nothing here',
      'wechatty',
      'WeChat',
      '阿里山',
      '阿里巴巴',
      'We\u200bChat',
      'ＷｅＣｈａｔ',
    ]) {
      expect(hasCandidate(text, ENTITY_IDS)).toBe(findMatches(text, ENTITY_IDS).length > 0);
    }
  });
});

describe('candidateNodes', () => {
  const test = candidateNodes(ENTITY_IDS);
  it('passes nodes holding a whole alias, and only those, when no name is split', () => {
    expect(test(['Hello', 'world', 'Read about WeChat here', 'and 淘宝网', 'nothing'])).toEqual([2, 3]);
    expect(test(['We', 'Chat'])).toEqual([0]);
    expect(test([])).toEqual([]);
  });
  it('passes a node ending in an alias prefix only when the next node goes on with that name', () => {
    expect(test(['read We', 'Chat'])).toEqual([0]);
    expect(test(['read we', 'ixin'])).toEqual([0]);
    expect(test(['阿里巴', '巴集团'])).toEqual([0]);
    expect(test(['about W', 'e', 'CHAT'])).toEqual([0]);
    // What follows is not the rest of the name: the walker would join "a" + "nd", "Alib  " + "aba".
    expect(test(['such as a', 'nd more'])).toEqual([]);
    expect(test(['about Alib  \n', 'aba'])).toEqual([]);
    expect(test(['淘', 'x宝'])).toEqual([]);
    // Inside a longer Latin word no name can start.
    expect(test(['preWe', 'Chat'])).toEqual([]);
    expect(test(['Went', 'on'])).toEqual([]);
  });
  it('keeps a prefix when the next node cannot rule the name out', () => {
    // The tree's last node: nothing follows.
    expect(test(['the last word is We'])).toEqual([0]);
    // The next node starts with a character normalisation changes (a soft hyphen, a full-width letter).
    expect(test(['We', '\u00adChat'])).toEqual([0, 1]);
    expect(test(['We', 'Ｃhat'])).toEqual([0, 1]);
    // The next node lies in content the walker skips without a break (We<style>…</style>Chat).
    expect(test(['We', 'p{}', 'Chat'], 3, (i) => i === 1)).toEqual([0]);
    expect(test(['We', 'p{}', 'Chat'], 3, () => false)).toEqual([]);
  });
  it('judges only the first texts of a batch, reading the next one to see how a name goes on', () => {
    expect(test(['read We', 'Chat now'], 1)).toEqual([0]);
    expect(test(['read We', 'lcome'], 1)).toEqual([]);
    expect(test(['plain', 'WeChat'], 1)).toEqual([]);
  });
  it('never lets a match run across the join between two nodes', () => {
    expect(test(['xWeCh', 'at'])).toEqual([]);
  });
  it('passes characters that normalisation changes', () => {
    expect(test(['plain', 'Ｗｅ', 'soft\u00adhyphen'])).toEqual([1, 2]);
  });
  it("the build's batch-pattern.ts holds the default entities' pattern, the same that batchPattern builds", async () => {
    const built = batchPattern(CORE_ENTITY_IDS);
    const module = await batchPatternModule();
    expect(JSON.parse(module.replace(/^export const CORE_BATCH_PATTERN = /, '').replace(/;\s*$/, ''))).toEqual(built);
    // Without the build (here), it is built on first use.
    expect(CORE_BATCH_PATTERN).toBeNull();
    const core = candidateNodes([...CORE_ENTITY_IDS].reverse());
    expect(core(['read We', 'Chat', 'Tencent', '阿里巴', '巴集团', 'such as a', 'nd more'])).toEqual([0, 3]);
    expect(batchPattern([])).toBe(null);
  });
});

describe('normalizeForMatch and aliasEntity', () => {
  it('folds full-width forms and drops ignorables', () => {
    expect(normalizeForMatch('ＷｅＣ\u00adｈａｔ！')).toBe('WeChat!');
    expect(normalizeForMatch('plain text')).toBe('plain text');
  });

  it('names the entity of an alias as written', () => {
    expect(aliasEntity('ｗｅｃｈａｔ ｐａｙ')).toEqual({ entity: 'wechat', alias: 'WeChat Pay' });
    expect(aliasEntity('淘宝网')).toEqual({ entity: 'taobao', alias: '淘宝网' });
    expect(aliasEntity('阿里')).toBeNull();
  });
});

describe('findMatches: speed', () => {
  it('scans a 1 MB page of mixed text quickly', () => {
    const para =
      'E-commerce platforms compete for shoppers every day, and WeChat is used by a billion people. ' +
      '电商平台每天都在争夺消费者，淘宝和天猫依然是首选，阿里巴巴集团的物流体系很完善。';
    const text = para.repeat(Math.ceil(1_000_000 / para.length));
    findMatches(text, ENTITY_IDS);
    const t0 = performance.now();
    const m = findMatches(text, ENTITY_IDS);
    const ms = performance.now() - t0;
    expect(m.length).toBeGreaterThan(10000);
    expect(ms).toBeLessThan(500);
  });
});
