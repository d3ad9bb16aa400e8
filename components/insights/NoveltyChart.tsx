import { useState } from 'preact/hooks';
import { percent } from '../../lib/format';
import type { NoveltyView } from '../../lib/insights/insights-data';
import { type DateRange, dayTime } from '../../lib/insights/novelty-density';
import { ChartFigure } from './ChartFigure';
import { ChartSvg } from './ChartSvg';
import { NoveltyDensityCells } from './NoveltyDensityCells';
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
/** More year labels than this would run into each other. */
const MAX_YEAR_LABELS = 12;

interface Props {
  novelty: NoveltyView;
  onOpen(id: string): void;
}

/** Where a time and a score sit in the chart, and the years whose first day gets a grid line. */
function scaleOf(range: DateRange) {
  // Pad the range by two months so the first and last dots sit inside the frame.
  const start = dayTime(range.first) - 60 * DAY;
  const end = dayTime(range.last) + 60 * DAY;
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const firstYear = new Date(start).getUTCFullYear() + 1;
  const lastYear = new Date(end).getUTCFullYear();
  const every = Math.ceil((lastYear - firstYear + 1) / MAX_YEAR_LABELS);
  return {
    x: (t: number): number => MARGIN.left + ((t - start) / (end - start)) * innerWidth,
    y: (score: number): number => MARGIN.top + (1 - score) * innerHeight,
    yearTicks: Array.from({ length: Math.max(0, lastYear - firstYear + 1) }, (_, i) => firstYear + i).filter(
      (year) => year % every === 0,
    ),
  };
}

function captionOf({ density, points, scored }: NoveltyView): string {
  if (!density) {
    return 'One dot per paper: how different its title and abstract are from the closest earlier paper (100% = nothing like it before).';
  }
  return `How different each paper's title and abstract are from the closest earlier paper (100% = nothing like it before): the shading counts all ${scored.toLocaleString('en')} papers (darker: more), the dots are the ${points.length} most novel.`;
}

/** Each paper's novelty against its publication date; a dot's tooltip explains the score. */
export function NoveltyChart({ novelty, onOpen }: Props) {
  const [active, setActive] = useState<string | null>(null);
  const { range, points, density } = novelty;
  if (!range) {
    return (
      <ChartFigure id="novelty" title="Novelty over time" caption="No paper has a novelty score yet.">
        {null}
      </ChartFigure>
    );
  }
  const { x, y, yearTicks } = scaleOf(range);
  const shown = points.find((point) => point.id === active);

  return (
    <ChartFigure
      id="novelty"
      title="Novelty over time"
      caption={captionOf(novelty)}
      table={<NoveltyTable novelty={novelty} />}
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
          {density && <NoveltyDensityCells density={density} range={range} x={x} y={y} />}
          {points.map((point) => (
            <NoveltyDot
              key={point.id}
              point={point}
              cx={x(dayTime(point.date))}
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
            x={x(dayTime(shown.date))}
            y={y(shown.score)}
            width={WIDTH}
            height={HEIGHT}
          />
        )}
      </div>
    </ChartFigure>
  );
}
