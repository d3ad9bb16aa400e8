import type { ComponentChildren } from 'preact';

interface Props {
  id: string;
  title: string;
  /** One line: what the chart shows. */
  caption: string;
  children: ComponentChildren;
  /** The same data as a table, for screen readers and for anyone who wants the numbers (none when there is no data). */
  table?: ComponentChildren;
  class?: string;
}

/** A chart with its title, its one-line caption and its data table behind a toggle. */
export function ChartFigure({ id, title, caption, children, table, class: className }: Props) {
  return (
    <figure class={`chart ${className ?? ''}`} id={id} aria-labelledby={`${id}-title`}>
      <figcaption>
        <h2 id={`${id}-title`}>{title}</h2>
        <p class="chart-caption">{caption}</p>
      </figcaption>
      {children}
      {table && (
        <details class="chart-data">
          <summary>Data table</summary>
          <div class="table-scroll">{table}</div>
        </details>
      )}
    </figure>
  );
}
