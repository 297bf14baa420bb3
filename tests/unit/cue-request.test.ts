import { afterEach, describe, expect, it, vi } from 'vitest';
import { askCueText, CUE_ANSWER_MS, cueDataFrom, MAX_CUE_TEXT } from '@/platform/cue-request';
import { CUE_DATA } from '@/utils/cues';
import { linkMention, useCueData } from '@/utils/link';
import type { ContentToBackground, WireMessage } from '@/utils/protocol';

/** The `cue_data` text the build puts in every locale. */
const localeText = (_locale: string): string => JSON.stringify(CUE_DATA);

describe('askCueText: the content script asks the background for the cue lists', () => {
  afterEach(() => vi.useRealTimers());

  it('sends one get-cue-data message and resolves to the text answered', async () => {
    const sent: WireMessage<ContentToBackground>[] = [];
    const text = localeText('en');
    const answer = await askCueText((m) => {
      sent.push(m);
      return Promise.resolve(text);
    });
    expect(sent).toEqual([{ type: 'get-cue-data' }]);
    expect(answer).toBe(text);
  });

  it('resolves to null on a refusal, a missing or wrong-shaped answer, an oversized one, or a throwing sender', async () => {
    const answers = await Promise.all([
      askCueText(() => Promise.reject(new Error('Could not establish connection'))),
      askCueText(() => Promise.resolve(undefined)),
      askCueText(() => Promise.resolve({ reasons: {} })),
      askCueText(() => Promise.resolve('x'.repeat(MAX_CUE_TEXT + 1))),
      askCueText(() => {
        throw new Error('Extension context invalidated.');
      }),
    ]);
    expect(answers).toEqual([null, null, null, null, null]);
  });

  it('stops waiting at the time limit, and a late answer changes nothing', async () => {
    vi.useFakeTimers();
    let answer: (v: unknown) => void = () => {};
    const asked = askCueText(() => new Promise((r) => (answer = r)));
    let result: string | null | undefined;
    void asked.then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(CUE_ANSWER_MS - 1);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toBeNull();
    answer('{"reasons":{},"unrelated":{}}');
    await vi.advanceTimersByTimeAsync(0);
    expect(result).toBeNull();
  });
});

describe('cueDataFrom: the answer, else the locale', () => {
  afterEach(() => useCueData(() => CUE_DATA));

  it("uses the background's answer and does not read the locale", () => {
    const readLocale = vi.fn(() => localeText('en'));
    expect(cueDataFrom(localeText('zh_CN'), readLocale)).toEqual(CUE_DATA);
    expect(readLocale).not.toHaveBeenCalled();
  });

  it('reads the locale when there was no answer or it does not parse as cue lists', () => {
    for (const answer of [null, 'not json', '{"reasons":{}}', 'null', '[]']) {
      const readLocale = vi.fn(() => localeText('en'));
      expect(cueDataFrom(answer, readLocale).reasons).toEqual(CUE_DATA.reasons);
      expect(readLocale).toHaveBeenCalledTimes(1);
    }
  });

  it('throws when neither parses, so the linker fails quietly: the mention has no reason', () => {
    expect(() => cueDataFrom(null, () => 'cue_data')).toThrow();
    useCueData(() => cueDataFrom('{', () => 'cue_data'));
    expect(linkMention('wechat', 'WeChat official accounts gain followers.', '').source).toBe('none');
    useCueData(() => cueDataFrom(localeText('en'), () => 'cue_data'));
    expect(linkMention('wechat', 'WeChat official accounts gain followers.', '').source).toBe('sentence');
  });
});
