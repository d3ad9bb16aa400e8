import { type CategoryCount, categoryStyle } from '../../lib/categories';
import { plural } from '../../lib/format';
import type { YearRow } from '../../lib/insights/papers-per-year';

interface Props {
  row: YearRow;
  /** In stacking order, bottom first. */
  categories: readonly CategoryCount[];
  x: number;
  width: number;
  /** Where a count sits on the chart's vertical axis. */
  y(count: number): number;
}

/** A year's non-empty segments, bottom first, each with the count stacked below it. */
function stack(row: YearRow, categories: readonly CategoryCount[]) {
  let base = 0;
  return categories.flatMap(({ code, name }) => {
    const count = row.counts[code] ?? 0;
    if (count === 0) return [];
    const segment = { code, name, count, base };
    base += count;
    return [segment];
  });
}

/** A year's bar: a segment per category with papers that year, each labelled with its year, category and count. */
export function StackedBar({ row, categories, x, width, y }: Props) {
  return (
    <>
      {stack(row, categories).map(({ code, name, count, base }) => (
        // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG <rect> is not interactive; role="img" gives the bar its label.
        <rect
          key={code}
          class="pl-cat bar"
          style={categoryStyle(code)}
          x={x}
          y={y(base + count)}
          width={width}
          height={y(base) - y(base + count)}
          role="img"
          aria-label={`${row.year}, ${name}: ${plural(count, 'paper')}`}
          data-mark="bar"
          data-year={row.year}
          data-category={code}
          data-count={count}
        />
      ))}
    </>
  );
}
