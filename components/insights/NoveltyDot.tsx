import { categoryStyle } from '../../lib/categories';
import { formatDate, percent } from '../../lib/format';
import type { NoveltyPoint } from '../../lib/insights/novelty-points';

interface Props {
  point: NoveltyPoint;
  cx: number;
  cy: number;
  /** Id of the tooltip that explains this dot, while it is shown. */
  describedBy?: string;
  /** Called with the paper's id on hover or focus, and with null when they end. */
  onActive(id: string | null): void;
  onOpen(id: string): void;
}

/** A paper's dot on the novelty chart: a button that opens its card, showing its tooltip while hovered or focused. */
export function NoveltyDot({ point, cx, cy, describedBy, onActive, onOpen }: Props) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG mark cannot be a <button>; it gets the role, focus and keys of one.
    <circle
      class="pl-cat dot"
      style={categoryStyle(point.category)}
      cx={cx}
      cy={cy}
      r={7}
      tabIndex={0}
      role="button"
      aria-label={`${point.title}, ${formatDate(point.date)}, novelty ${percent(point.score)}. Open details.`}
      aria-describedby={describedBy}
      data-mark="dot"
      data-paperlens-id={point.id}
      onMouseEnter={() => onActive(point.id)}
      onMouseLeave={() => onActive(null)}
      onFocus={() => onActive(point.id)}
      onBlur={() => onActive(null)}
      onClick={() => onOpen(point.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onOpen(point.id);
        }
      }}
    />
  );
}
