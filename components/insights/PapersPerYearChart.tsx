import type { PapersPerYear } from '../../lib/insights/papers-per-year';
import { ChartFigure } from './ChartFigure';
import { ChartSvg } from './ChartSvg';
import { PapersPerYearTable } from './PapersPerYearTable';
import { StackedBar } from './StackedBar';
import { ValueGrid } from './ValueGrid';

const WIDTH = 560;
const HEIGHT = 260;
const MARGIN = { top: 20, right: 8, bottom: 28, left: 32 };
/** Below this many units a bar, its total above it would run into the next one's. */
const TOTALS_FROM_BAND = 28;
/** More year labels than this would run into each other. */
const MAX_YEAR_LABELS = 14;

/** A round step (1, 2 or 5 times a power of ten) that marks about five grid lines up to `max`. */
function tickStep(max: number): number {
  if (max <= 10) return 1;
  const power = 10 ** Math.floor(Math.log10(max / 5));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= max / 5) ?? max;
}

/** Papers per year as bars stacked by category (most frequent category at the bottom). */
export function PapersPerYearChart({ data }: { data: PapersPerYear }) {
  const max = Math.max(1, ...data.years.map((row) => row.total));
  // Thousands need a wider axis for their labels.
  const left = max >= 1000 ? 44 : MARGIN.left;
  const innerWidth = WIDTH - left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = innerWidth / Math.max(1, data.years.length);
  const barWidth = Math.min(64, band * 0.6);
  const y = (value: number): number => MARGIN.top + innerHeight - (value / max) * innerHeight;
  const xOf = (index: number): number => left + band * index + (band - barWidth) / 2;
  const step = tickStep(max);
  const ticks = Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
  const labelEvery = Math.ceil(data.years.length / MAX_YEAR_LABELS);

  return (
    <ChartFigure
      id="papers-per-year"
      title="Papers per year"
      caption="How many papers appeared each year, each bar split by arXiv category."
      table={<PapersPerYearTable data={data} />}
    >
      <ChartSvg
        labelledBy="papers-per-year-title"
        width={WIDTH}
        height={HEIGHT}
        title="Papers per year, stacked by category"
        grid={
          <>
            <ValueGrid
              ticks={ticks}
              y={y}
              left={left}
              right={WIDTH - MARGIN.right}
              format={(n) => n.toLocaleString('en')}
            />
            {data.years.map((row, index) => (
              <g key={row.year}>
                {band >= TOTALS_FROM_BAND && (
                  <text class="bar-total" x={xOf(index) + barWidth / 2} y={y(row.total) - 5} text-anchor="middle">
                    {row.total || ''}
                  </text>
                )}
                {index % labelEvery === 0 && (
                  <text class="axis-label" x={xOf(index) + barWidth / 2} y={HEIGHT - 8} text-anchor="middle">
                    {row.year}
                  </text>
                )}
              </g>
            ))}
          </>
        }
      >
        {data.years.map((row, index) => (
          <StackedBar key={row.year} row={row} categories={data.categories} x={xOf(index)} width={barWidth} y={y} />
        ))}
      </ChartSvg>
    </ChartFigure>
  );
}
