/** Reading progress as data: which reasons are read, toggling, and the count. Pure. */
import { REASON_NUMBERS } from '@/utils/article';
import type { ReasonNumber } from '@/utils/types';

export function toggleRead(read: readonly ReasonNumber[], n: ReasonNumber): ReasonNumber[] {
  const next = read.includes(n) ? read.filter((r) => r !== n) : [...read, n];
  return next.sort((a, b) => a - b);
}

export function readCount(read: readonly ReasonNumber[]): { read: number; total: number } {
  return { read: REASON_NUMBERS.filter((n) => read.includes(n)).length, total: REASON_NUMBERS.length };
}
