import { useState } from 'preact/hooks';
import { categoryStyle } from '../../lib/categories';
import { formatDate, percent } from '../../lib/format';
import type { NoveltyPoint } from '../../lib/insights/novelty-points';
import { ChartFigure } from './ChartFigure';
import { ChartSvg } from './ChartSvg';
import { NoveltyTable } from './NoveltyTable';
import { ValueGrid } from './ValueGrid';

const WIDTH = 560;
const HEIGHT = 260;
const MARGIN = { top: 14, right: 16, bottom: 28, left: 44 };
const DAY = 86_400_000;
const SCORE_TICKS = [0, 0.25, 0.5, 0.75, 1];

const time = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`);

interface Props {
  points: readonly NoveltyPoint[];
  onOpen(id: string): void;
}

/** Each paper's novelty against its publication date; a dot's tooltip explains the score. */
export function NoveltyChart({ points, onOpen }: Props) {
  const [active, setActive] = useState<string | null>(null);
  const times = points.map((point) => time(point.date));
  // Pad the range by two months so the first and last dots sit inside the frame.
  const start = Math.min(...times) - 60 * DAY;
  const end = Math.max(...times) + 60 * DAY;
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (t: number): number => MARGIN.left + ((t - start) / (end - start)) * innerWidth;
  const y = (score: number): number => MARGIN.top + (1 - score) * innerHeight;
  const firstYear = new Date(start).getUTCFullYear() + 1;
  const lastYear = new Date(end).getUTCFullYear();
  const yearTicks = Array.from({ length: Math.max(0, lastYear - firstYear + 1) }, (_, i) => firstYear + i);
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
            // biome-ignore lint/a11y/useSemanticElements: an SVG mark cannot be a <button>; it gets the role, focus and keys of one.
            <circle
              key={point.id}
              class="pl-cat dot"
              style={categoryStyle(point.category)}
              cx={x(time(point.date))}
              cy={y(point.score)}
              r={7}
              tabIndex={0}
              role="button"
              aria-label={`${point.title}, ${formatDate(point.date)}, novelty ${percent(point.score)}. Open details.`}
              aria-describedby={active === point.id ? 'novelty-tooltip' : undefined}
              data-mark="dot"
              data-paperlens-id={point.id}
              onMouseEnter={() => setActive(point.id)}
              onMouseLeave={() => setActive(null)}
              onFocus={() => setActive(point.id)}
              onBlur={() => setActive(null)}
              onClick={() => onOpen(point.id)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  onOpen(point.id);
                }
              }}
            />
          ))}
        </ChartSvg>
        {shown && (
          <div
            id="novelty-tooltip"
            class="tooltip"
            role="tooltip"
            style={{
              left: `${(x(time(shown.date)) / WIDTH) * 100}%`,
              top: `${(y(shown.score) / HEIGHT) * 100}%`,
            }}
            data-flip={x(time(shown.date)) > WIDTH / 2 ? 'left' : 'right'}
          >
            <strong>{shown.title}</strong>
            <span class="tooltip-meta">
              {formatDate(shown.date)} · {shown.categoryName}
            </span>
            <span>{shown.explanation}</span>
          </div>
        )}
      </div>
    </ChartFigure>
  );
}
