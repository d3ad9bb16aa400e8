import { plural } from '../../lib/format';
import { type DateRange, dayTime, type NoveltyDensity } from '../../lib/insights/novelty-density';

interface Props {
  density: NoveltyDensity;
  range: DateRange;
  /** Where a time (ms) and a score sit in the chart. */
  x(time: number): number;
  y(score: number): number;
}

/** How much of the cell's colour a count gets: on a log scale, so one paper still shows next to hundreds. */
const strength = (count: number, max: number): number => 0.12 + (0.88 * Math.log1p(count)) / Math.log1p(max);

/** Every scored paper counted on the chart's grid of dates × scores: a shaded square per non-empty cell. */
export function NoveltyDensityCells({ density, range, x, y }: Props) {
  const { columns, rows, counts, max } = density;
  const start = dayTime(range.first);
  const step = (dayTime(range.last) - start) / columns;
  const cells = counts.flatMap((count, cell) => {
    if (count === 0) return [];
    const column = cell % columns;
    const row = Math.floor(cell / columns);
    const left = x(start + column * step);
    const top = y((row + 1) / rows);
    // All papers on one date: the cells still get a visible width.
    const width = Math.max(3, x(start + (column + 1) * step) - left);
    return [{ cell, count, left, top, width, height: y(row / rows) - top }];
  });
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; the caption says what the squares count and the table lists the papers.
    <g class="density" aria-hidden="true" data-papers={counts.reduce((sum, count) => sum + count, 0)}>
      {cells.map(({ cell, count, left, top, width, height }) => (
        <rect key={cell} x={left} y={top} width={width} height={height} fill-opacity={strength(count, max)}>
          <title>{plural(count, 'paper')}</title>
        </rect>
      ))}
    </g>
  );
}
