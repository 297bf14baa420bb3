/** Unit tests and the link eval read the cue lists straight from utils/cues.ts (the content script reads its locale). */
import { REASON_CUES, UNRELATED_CUES } from '@/utils/cues';
import { useCueData } from '@/utils/link';

useCueData(() => ({ reasons: REASON_CUES, unrelated: UNRELATED_CUES }));
