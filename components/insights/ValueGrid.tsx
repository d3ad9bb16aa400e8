interface Props {
  /** The values to mark. */
  ticks: readonly number[];
  /** Where a value sits on the chart's vertical axis. */
  y(value: number): number;
  /** Where the plot area starts and ends across the chart. */
  left: number;
  right: number;
  /** How a value is labelled; the number itself when not given. */
  format?(value: number): string;
}

/** A horizontal grid line per value across the plot area, each labelled at its left end. */
export function ValueGrid({ ticks, y, left, right, format }: Props) {
  return (
    <>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} />
          <text x={left - 6} y={y(tick) + 4} text-anchor="end">
            {format ? format(tick) : tick}
          </text>
        </g>
      ))}
    </>
  );
}
