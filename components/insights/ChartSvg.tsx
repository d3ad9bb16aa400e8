import type { ComponentChildren } from 'preact';

interface Props {
  /** Id of the heading that names the chart. */
  labelledBy: string;
  width: number;
  height: number;
  /** What the chart draws, in a few words. */
  title: string;
  /** Axes, grid lines and their labels. */
  grid: ComponentChildren;
  /** The marks: each labelled for screen readers. */
  children: ComponentChildren;
}

/** A chart's drawing: its title, its grid (hidden from screen readers, since each mark says the same) and its marks. */
export function ChartSvg({ labelledBy, width, height, title, grid, children }: Props) {
  return (
    <svg class="chart-svg" viewBox={`0 0 ${width} ${height}`} aria-labelledby={labelledBy}>
      <title>{title}</title>
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; the grid and its labels repeat what each mark's label says. */}
      <g class="grid" aria-hidden="true">
        {grid}
      </g>
      {children}
    </svg>
  );
}
