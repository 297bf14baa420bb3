import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REASON_CUES, UNRELATED_CUES } from '@/utils/cues';
import { type CueData, linkMention, useCueData } from '@/utils/link';

const LOCALES = path.resolve(__dirname, '../../public/_locales');
const fromLocale = (locale: string): CueData =>
  JSON.parse(JSON.parse(readFileSync(path.join(LOCALES, locale, 'messages.json'), 'utf8')).cue_data.message);

describe('cue lists in the locales (what the content script links with)', () => {
  afterEach(() => useCueData(() => ({ reasons: REASON_CUES, unrelated: UNRELATED_CUES })));

  it('every locale carries exactly utils/cues.ts (after editing the cues, run node scripts/cue-locales.mjs)', () => {
    const locales = readdirSync(LOCALES);
    expect(locales.sort()).toEqual(['en', 'zh_CN']);
    for (const locale of locales) {
      expect(fromLocale(locale), `${locale}: run node scripts/cue-locales.mjs`).toEqual({
        reasons: REASON_CUES,
        unrelated: UNRELATED_CUES,
      });
    }
  });

  it('links the same from the locale as from utils/cues.ts, in English and Chinese', () => {
    const cases: Array<[Parameters<typeof linkMention>[0], string]> = [
      ['wechat', 'WeChat official accounts gain followers.'],
      ['wechat', '很多品牌在微信上开了公众号，每天推送文章。'],
      ['alibaba', 'Ali Baba and the forty thieves, open sesame.'],
    ];
    const direct = cases.map(([e, s]) => linkMention(e, s, ''));
    useCueData(() => fromLocale('zh_CN'));
    expect(cases.map(([e, s]) => linkMention(e, s, ''))).toEqual(direct);
    expect(direct[0]?.source).toBe('sentence');
  });

  it('fails quietly to no reason when the locale has no cue lists', () => {
    useCueData(() => JSON.parse('cue_data'));
    expect(linkMention('wechat', 'WeChat official accounts gain followers.', '')).toEqual({
      reason: null,
      firm: false,
      cues: [],
      confidence: 0,
      source: 'none',
    });
    useCueData(() => ({}) as CueData);
    expect(linkMention('taobao', 'Taobao shoppers buy out of habit.', '').source).toBe('none');
  });
});
