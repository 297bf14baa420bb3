/**
 * The first pass's batch pattern for the default entities (WeChat, Taobao, Alibaba), as
 * utils/match.ts batchPattern builds it: read instead of built on every page
 * (building it cost about 1 ms of cold code). A unit test checks it against
 * batchPattern; after changing the aliases or the pattern, paste what that
 * test prints.
 */
import type { BatchPattern } from './match';

export const CORE_BATCH_PATTERN: BatchPattern = {
  source:
    'wechat|weixin|微信|taobao|淘宝|alibaba|阿里巴巴|[\\u00ad\\u200b-\\u200d\\u2060\\ufeff\\uff0e\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a]|(?<=((?<![A-Za-z0-9])(?:w(?:e(?:c(?:h(?:a)?)?)?)?|w(?:e(?:i(?:x(?:i)?)?)?)?|t(?:a(?:o(?:b(?:a)?)?)?)?|a(?:l(?:i(?:b(?:a(?:b)?)?)?)?)?)|微|淘|阿(?:里(?:巴)?)?))\u0000',
  follow: {
    w: 'e',
    we: 'ci',
    wec: 'h',
    wech: 'a',
    wecha: 't',
    wei: 'x',
    weix: 'i',
    weixi: 'n',
    微: '信',
    t: 'a',
    ta: 'o',
    tao: 'b',
    taob: 'a',
    taoba: 'o',
    淘: '宝',
    a: 'l',
    al: 'i',
    ali: 'b',
    alib: 'a',
    aliba: 'b',
    alibab: 'a',
    阿: '里',
    阿里: '巴',
    阿里巴: '巴',
  },
};
