/** Snippet emphasis (components/snippet.ts). */
import { beforeEach, describe, expect, it } from 'vitest';
import { splitSnippet } from '@/components/snippet';
import { useEnglish } from './helpers/ui';

beforeEach(useEnglish);

describe('snippet emphasis', () => {
  it('splits at the occurrence nearest the middle, case-insensitively', () => {
    expect(splitSnippet('WeChat is big; wechat is big', 'WeChat')).toEqual(['WeChat is big; ', 'wechat', ' is big']);
    expect(splitSnippet('说微信朋友圈', '微信')).toEqual(['说', '微信', '朋友圈']);
    expect(splitSnippet('nothing here', 'WeChat')).toEqual(['nothing here', '', '']);
  });
});
