import { useState } from 'preact/hooks';
import { percent } from '../../lib/format';
import type { NoveltyPoint } from '../../lib/insights/novelty-points';
import { ChartFigure } from './ChartFigure';
import { ChartSvg } from './ChartSvg';
import { NoveltyDot } from './NoveltyDot';
import { NoveltyTable } from './NoveltyTable';
import { NoveltyTooltip } from './NoveltyTooltip';
import { ValueGrid } from './ValueGrid';

const WIDTH = 560;
const HEIGHT = 260;
const MARGIN = { top: 14, right: 16, bottom: 28, left: 44 };
const DAY = 86_400_000;
const SCORE_TICKS = [0, 0.25, 0.5, 0.75, 1];
const TOOLTIP_ID = 'novelty-tooltip';

const time = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`);

interface Props {
  points: readonly NoveltyPoint[];
  onOpen(id: string): void;
}

/** Where a time and a score sit in the chart, and the years whose first day gets a grid line. */
function scaleOf(points: readonly NoveltyPoint[]) {
  const times = points.map((point) => time(point.date));
  // Pad the range by two months so the first and last dots sit inside the frame.
  const start = Math.min(...times) - 60 * DAY;
  const end = Math.max(...times) + 60 * DAY;
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const firstYear = new Date(start).getUTCFullYear() + 1;
  const lastYear = new Date(end).getUTCFullYear();
  return {
    x: (t: number): number => MARGIN.left + ((t - start) / (end - start)) * innerWidth,
    y: (score: number): number => MARGIN.top + (1 - score) * innerHeight,
    yearTicks: Array.from({ length: Math.max(0, lastYear - firstYear + 1) }, (_, i) => firstYear + i),
  };
}

/** Each paper's novelty against its publication date; a dot's tooltip explains the score. */
export function NoveltyChart({ points, onOpen }: Props) {
  const [active, setActive] = useState<string | null>(null);
  const { x, y, yearTicks } = scaleOf(points);
  const shown = points.find((point) => point.id === active);

  return (
    <ChartFigure
      id="novelty"
      title="Novelty over time"
      caption="One dot per paper: how different its title and abstract are from the closest earlier paper (100% = nothing like it before)."
      table={<NoveltyTable points={points} />}
    >
      <div class="chart-frame">
        <ChartSvg
          labelledBy="novelty-title"
          width={WIDTH}
          height={HEIGHT}
          title="Novelty of each paper over time"
          grid={
            <>
              <ValueGrid ticks={SCORE_TICKS} y={y} left={MARGIN.left} right={WIDTH - MARGIN.right} format={percent} />
              {yearTicks.map((year) => {
                const tx = x(Date.UTC(year, 0, 1));
                return (
                  <g key={year}>
                    <line x1={tx} x2={tx} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} />
                    <text class="axis-label" x={tx} y={HEIGHT - 8} text-anchor="middle">
                      {year}
                    </text>
                  </g>
                );
              })}
            </>
          }
        >
          {points.map((point) => (
            <NoveltyDot
              key={point.id}
              point={point}
              cx={x(time(point.date))}
              cy={y(point.score)}
              describedBy={active === point.id ? TOOLTIP_ID : undefined}
              onActive={setActive}
              onOpen={onOpen}
            />
          ))}
        </ChartSvg>
        {shown && (
          <NoveltyTooltip
            id={TOOLTIP_ID}
            point={shown}
            x={x(time(shown.date))}
            y={y(shown.score)}
            width={WIDTH}
            height={HEIGHT}
          />
        )}
      </div>
    </ChartFigure>
  );
}
