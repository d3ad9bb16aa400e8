import type { PapersPerYear } from '../../lib/insights/papers-per-year';
import { ChartFigure } from './ChartFigure';
import { ChartSvg } from './ChartSvg';
import { PapersPerYearTable } from './PapersPerYearTable';
import { StackedBar } from './StackedBar';
import { ValueGrid } from './ValueGrid';

const WIDTH = 560;
const HEIGHT = 260;
const MARGIN = { top: 20, right: 8, bottom: 28, left: 32 };

/** Papers per year as bars stacked by category (most frequent category at the bottom). */
export function PapersPerYearChart({ data }: { data: PapersPerYear }) {
  const max = Math.max(1, ...data.years.map((row) => row.total));
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = innerWidth / Math.max(1, data.years.length);
  const barWidth = Math.min(64, band * 0.6);
  const y = (value: number): number => MARGIN.top + innerHeight - (value / max) * innerHeight;
  const xOf = (index: number): number => MARGIN.left + band * index + (band - barWidth) / 2;
  const step = max > 10 ? Math.ceil(max / 5) : 1;
  const ticks = Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);

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
            <ValueGrid ticks={ticks} y={y} left={MARGIN.left} right={WIDTH - MARGIN.right} />
            {data.years.map((row, index) => (
              <g key={row.year}>
                <text class="bar-total" x={xOf(index) + barWidth / 2} y={y(row.total) - 5} text-anchor="middle">
                  {row.total || ''}
                </text>
                <text class="axis-label" x={xOf(index) + barWidth / 2} y={HEIGHT - 8} text-anchor="middle">
                  {row.year}
                </text>
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
