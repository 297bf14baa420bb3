/** Unit tests, the link eval and the bench read the cue lists straight from utils/cues.ts (the content script gets its locale's, through the background). */
import { REASON_CUES, UNRELATED_CUES } from '@/utils/cues';
import { useCueData } from '@/utils/link';

useCueData(() => ({ reasons: REASON_CUES, unrelated: UNRELATED_CUES }));
