/** Reading progress (components/read-progress.ts). */
import { beforeEach, describe, expect, it } from 'vitest';
import { readCount, toggleRead } from '@/components/read-progress';
import type { ReasonNumber } from '@/utils/types';
import { useEnglish } from './helpers/ui';

beforeEach(useEnglish);

describe('reading progress', () => {
  it('toggles a reason, keeps the list sorted, and counts', () => {
    let read: ReasonNumber[] = [];
    read = toggleRead(read, 5);
    read = toggleRead(read, 2);
    expect(read).toEqual([2, 5]);
    expect(readCount(read)).toEqual({ read: 2, total: 8 });
    read = toggleRead(read, 5);
    expect(read).toEqual([2]);
  });
});
