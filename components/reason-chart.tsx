/**
 * Mentions per reason as eight labelled bars, firm links solid and tentative
 * ones ("may relate to") lighter on top; each bar is a button that opens the
 * reason in the side panel. Mentions about none of the arguments are counted
 * apart, under the bars.
 */
import { t } from '@/platform/i18n';
import type { ReasonNumber } from '@/utils/types';
import { reasonLabel } from './labels';
import { type ReasonBar, SHORT_TITLES } from './reason-model';

export interface ReasonChartProps {
  bars: readonly ReasonBar[];
  /** False while the counts are on their way: the bars keep their space. */
  ready: boolean;
  onSelect: (n: ReasonNumber) => void;
  /** Visible caption (the legend). */
  caption: string;
  /** Mentions about none of the arguments. */
  unlinked: number;
}

/** Starts with the visible number, so the spoken name matches what is seen ("6. Moments: 2 firm, 1 tentative"). */
export function barLabel(bar: ReasonBar): string {
  return `${bar.n}. ${SHORT_TITLES[bar.n]}: ${t('chart_firmTentative', [String(bar.firm), String(bar.tentative)])}`;
}

export function ReasonChart({ bars, ready, onSelect, caption, unlinked }: ReasonChartProps) {
  return (
    <div class="reason-chart-wrap">
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
              data-firm={bar.firm}
              data-tentative={bar.tentative}
              aria-label={barLabel(bar)}
              title={reasonLabel(bar.n)}
              onClick={() => onSelect(bar.n)}
            >
              <span class="bar-track" aria-hidden="true">
                <span class="bar-fill bar-tentative" style={{ height: `${Math.round(bar.share * 100)}%` }} />
                <span class="bar-fill bar-firm" style={{ height: `${Math.round(bar.firmShare * 100)}%` }} />
              </span>
              <span class="bar-num">{bar.n}</span>
            </button>
          </div>
        ))}
      </fieldset>
      <p class="chart-legend">
        <span class="legend-firm" aria-hidden="true" /> {t('chart_legendFirm')}{' '}
        <span class="legend-tentative" aria-hidden="true" /> {t('chart_legendTentative')}
      </p>
      <p class="chart-unlinked" data-testid="unlinked-count" data-count={unlinked}>
        {ready ? t('chart_unlinked', String(unlinked)) : ''}
      </p>
    </div>
  );
}
