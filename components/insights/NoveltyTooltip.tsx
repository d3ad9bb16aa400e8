import { formatDate } from '../../lib/format';
import type { NoveltyPoint } from '../../lib/insights/novelty-points';

interface Props {
  id: string;
  point: NoveltyPoint;
  /** The dot's centre in the chart's viewBox, and the viewBox's size. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A paper's title, date, category and novelty explained, over its dot and opening away from the nearer side. */
export function NoveltyTooltip({ id, point, x, y, width, height }: Props) {
  return (
    <div
      id={id}
      class="tooltip"
      role="tooltip"
      style={{
        left: `${(x / width) * 100}%`,
        top: `${(y / height) * 100}%`,
      }}
      data-flip={x > width / 2 ? 'left' : 'right'}
    >
      <strong>{point.title}</strong>
      <span class="tooltip-meta">
        {formatDate(point.date)} · {point.categoryName}
      </span>
      <span>{point.explanation}</span>
    </div>
  );
}
