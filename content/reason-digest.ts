/**
 * The reasons' titles and one-line summaries for the hover card, without the
 * full article text (keeps the content script small: it runs on every page).
 * A unit test checks this against utils/article.ts, the source of truth.
 */
import type { ReasonNumber } from '@/utils/types';

export const REASON_DIGEST: Readonly<Record<ReasonNumber, { title: string; summary: string }>> = {
  1: {
    title: 'User purchasing habits come first, and WeChat lacks DNA',
    summary:
      'Shoppers think of Taobao and Tmall when they buy and of WeChat when they chat; WeChat has no shopping habit to build on.',
  },
  2: {
    title: 'There is a huge gap between public account media and e-commerce',
    summary: 'Official accounts succeed as media, but once they sell goods the value they offer readers disappears.',
  },
  3: {
    title: 'The conversion rate from service account to WeChat store is very small',
    summary: 'Service accounts can gather followers, but few of them ever turn into buyers in a WeChat store.',
  },
  4: {
    title: 'Social media and e-commerce are clearly separated',
    summary:
      'Social circles and trading circles are separate worlds: bring transactions into friendship and the friendship stiffens.',
  },
  5: {
    title: 'E-commerce will inevitably destroy the ecological environment of WeChat',
    summary: "WeChat's value is a warm social ecosystem; commerce would invade it and drive loyal users away.",
  },
  6: {
    title: 'E-commerce in WeChat Moments will die in the public eye due to its private environment',
    summary:
      "Selling in Moments (the circle of friends) works only while it is new, then wears out friends' patience and dies in public view.",
  },
  7: {
    title: 'WeChat cannot bear the weight of e-commerce',
    summary:
      'Real e-commerce rests on big data, cloud computing and search, which a lightweight chat app and Tencent lack.',
  },
  8: {
    title: 'WeChat e-commerce lacks a thorough operating system and is doomed to fail',
    summary:
      'E-commerce needs central operations, logistics and management; decentralised WeChat commerce has none and is doomed.',
  },
};
