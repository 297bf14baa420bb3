/** Unit tests, the link eval and the bench read the cue lists straight from utils/cues.ts (the content script gets its locale's, through the background). */
import { CUE_DATA } from '@/utils/cues';
import { useCueData } from '@/utils/link';

useCueData(() => CUE_DATA);
