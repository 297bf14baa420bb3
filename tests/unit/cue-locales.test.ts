import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CUE_DATA } from '@/utils/cues';
import { type CueData, linkMention, useCueData } from '@/utils/link';
import { addCueData, cueDataMessage } from '../../scripts/generated';

const LOCALES = path.resolve(__dirname, '../../public/_locales');
/** Each locale's messages.json as the build writes it (WXT's build:publicAssets hook). */
const built = new Map<string, { cue_data: { message: string } }>();
const fromLocale = (locale: string): CueData => JSON.parse(built.get(locale)?.cue_data.message ?? 'null');

beforeAll(async () => {
  const files: Array<{ relativeDest: string; absoluteSrc: string } | { relativeDest: string; contents: string }> =
    readdirSync(LOCALES).map((locale) => ({
      relativeDest: `_locales/${locale}/messages.json`,
      absoluteSrc: path.join(LOCALES, locale, 'messages.json'),
    }));
  files.push({ relativeDest: 'icon/16.png', absoluteSrc: '/nowhere/16.png' });
  await addCueData(files);
  for (const file of files) {
    const locale = /^_locales\/([^/]+)\//.exec(file.relativeDest)?.[1];
    if (locale && 'contents' in file) built.set(locale, JSON.parse(file.contents));
  }
});

describe('cue lists in the locales (what the content script links with)', () => {
  afterEach(() => useCueData(() => CUE_DATA));

  it('the build gives every locale exactly utils/cues.ts, and the committed locales hold no copy', async () => {
    const locales = readdirSync(LOCALES);
    expect(locales.sort()).toEqual(['en', 'zh_CN']);
    expect(JSON.parse(await cueDataMessage())).toEqual(CUE_DATA);
    for (const locale of locales) {
      const committed = JSON.parse(readFileSync(path.join(LOCALES, locale, 'messages.json'), 'utf8'));
      expect(committed.cue_data, `${locale}: cue_data is the build's`).toBeUndefined();
      expect(fromLocale(locale), locale).toEqual(CUE_DATA);
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
