/** Mentions per reason as eight labelled bars; each bar is a button that opens the reason in the side panel. */
import type { ReasonNumber } from '@/utils/types';
import { mentionsCount, reasonLabel } from './labels';
import { type ReasonBar, SHORT_TITLES } from './reason-model';

export interface ReasonChartProps {
  bars: readonly ReasonBar[];
  /** False while the counts are on their way: the bars keep their space. */
  ready: boolean;
  onSelect: (n: ReasonNumber) => void;
  /** Visible caption (the legend). */
  caption: string;
}

/** Starts with the visible number, so the spoken name matches what is seen ("6. Moments: 2 mentions"). */
export function barLabel(bar: ReasonBar): string {
  return `${bar.n}. ${SHORT_TITLES[bar.n]}: ${mentionsCount(bar.count)}`;
}

export function ReasonChart({ bars, ready, onSelect, caption }: ReasonChartProps) {
  return (
    <fieldset class="reason-chart" aria-busy={!ready}>
      <legend class="chart-caption">{caption}</legend>
      {bars.map((bar) => (
        <div key={bar.n} class="bar-column">
          <span class="bar-count" aria-hidden="true">
            {ready ? bar.count : ''}
          </span>
          <button
            type="button"
            class="reason-bar"
            data-testid="reason-bar"
            data-reason={bar.n}
            data-count={bar.count}
            aria-label={barLabel(bar)}
            title={reasonLabel(bar.n)}
            onClick={() => onSelect(bar.n)}
          >
            <span class="bar-track" aria-hidden="true">
              <span class="bar-fill" style={{ height: `${Math.round(bar.share * 100)}%` }} />
            </span>
            <span class="bar-num">{bar.n}</span>
          </button>
        </div>
      ))}
    </fieldset>
  );
}
