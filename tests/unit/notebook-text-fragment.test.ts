import { describe, expect, it } from 'vitest';
import {
  encodeFragmentText,
  FRAGMENT_EDGE_CHARS,
  fragmentTerms,
  textFragmentUrl,
} from '../../utils/notebook/text-fragment';

describe('encodeFragmentText', () => {
  it("percent-encodes '-', ',' and '&' as the spec asks, and spaces", () => {
    expect(encodeFragmentText('e-commerce, Taobao & Tmall')).toBe('e%2Dcommerce%2C%20Taobao%20%26%20Tmall');
  });
  it('encodes # and % so the fragment stays one directive', () => {
    expect(encodeFragmentText('50% #1')).toBe('50%25%20%231');
  });
});

describe('textFragmentUrl', () => {
  it('replaces the URL fragment with a text directive for a short sentence', () => {
    expect(textFragmentUrl('https://e.com/a?x=1#old', 'WeChat e-commerce fails.')).toBe(
      'https://e.com/a?x=1#:~:text=WeChat%20e%2Dcommerce%20fails.',
    );
  });
  it('uses textStart,textEnd with four words at each end for a long sentence', () => {
    const sentence =
      'In the end, WeChat stores rarely turn followers of service accounts into buyers, because people open WeChat to talk to friends, not to shop.';
    expect(textFragmentUrl('https://e.com/', sentence)).toBe(
      'https://e.com/#:~:text=In%20the%20end%2C%20WeChat,friends%2C%20not%20to%20shop.',
    );
  });
  it('cuts long Chinese sentences by characters', () => {
    const sentence = '微信的朋友圈卖货越来越难，很多人已经屏蔽了卖货的朋友，这说明社交和商业很难混在一起。';
    const { start, end } = fragmentTerms(sentence);
    expect(start).toBe('微信的朋友圈卖货');
    expect(end).toBe('说明社交和商业很难混在一起。'.slice(-FRAGMENT_EDGE_CHARS));
    const url = textFragmentUrl('https://e.com/', sentence);
    expect(url).toBe(`https://e.com/#:~:text=${encodeURIComponent(start)},${encodeURIComponent(end ?? '')}`);
  });
  it('keeps short Chinese sentences whole', () => {
    expect(fragmentTerms('淘宝早就占了先机。')).toEqual({ start: '淘宝早就占了先机。' });
  });
  it('normalises whitespace first', () => {
    expect(fragmentTerms('  WeChat\n  stores ')).toEqual({ start: 'WeChat stores' });
  });
  it('refuses non-http(s) URLs', () => {
    expect(textFragmentUrl('javascript:alert(1)', 'x')).toBeNull();
    expect(textFragmentUrl('file:///x', 'x')).toBeNull();
  });
  it('round-trips: decoding the terms gives back the sentence ends', () => {
    const sentence = 'Sellers in Moments, - & , are blocked by friends who tire of ads, say the people we asked today.';
    const url = textFragmentUrl('https://e.com/', sentence) ?? '';
    const [start, end] = (url.split('#:~:text=')[1] ?? '').split(',').map(decodeURIComponent);
    expect(sentence.startsWith(start ?? '?')).toBe(true);
    expect(sentence.endsWith(end ?? '?')).toBe(true);
  });
});
