/**
 * The first pass's batch pattern for the default entities (WeChat, Taobao, Alibaba), as batchPattern (match.ts)
 * builds it. The build replaces this file with the pattern as a literal (scripts/generated.ts), so a page reads it
 * rather than builds it; where there is no build (unit tests) it is null and built on first use.
 */
import type { BatchPattern } from './match';

export const CORE_BATCH_PATTERN: BatchPattern | null = null;
