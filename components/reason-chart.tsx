/** Mentions per reason as eight labelled bars; each bar is a button that opens the reason in the side panel. */
import { t } from '@/utils/i18n';
import type { ReasonNumber } from '@/utils/types';
import { reasonLabel } from './labels';
import type { ReasonBar } from './reason-model';

export interface ReasonChartProps {
  bars: readonly ReasonBar[];
  /** False while the counts are on their way: the bars keep their space. */
  ready: boolean;
  onSelect: (n: ReasonNumber) => void;
  /** Visible caption (the legend). */
  caption: string;
}

export function ReasonChart({ bars, ready, onSelect, caption }: ReasonChartProps) {
  return (
    <fieldset class="reason-chart" aria-busy={!ready}>
      <legend class="chart-caption">{caption}</legend>
      {bars.map((bar) => (
        <button
          key={bar.n}
          type="button"
          class="reason-bar"
          data-testid="reason-bar"
          data-reason={bar.n}
          data-count={bar.count}
          aria-label={`${reasonLabel(bar.n)}, ${t('mentions_count', String(bar.count))}`}
          title={reasonLabel(bar.n)}
          onClick={() => onSelect(bar.n)}
        >
          <span class="bar-count" aria-hidden="true">
            {ready ? bar.count : ''}
          </span>
          <span class="bar-track" aria-hidden="true">
            <span class="bar-fill" style={{ height: `${Math.round(bar.share * 100)}%` }} />
          </span>
          <span class="bar-num" aria-hidden="true">
            {bar.n}
          </span>
        </button>
      ))}
    </fieldset>
  );
}
