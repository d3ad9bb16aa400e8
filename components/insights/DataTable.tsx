import type { ComponentChildren } from 'preact';

/** A column heading: plain text, or markup with a key of its own. */
export type Column = string | { key: string; heading: ComponentChildren };

interface Props {
  /** Headings of the columns, first to last. */
  columns: readonly Column[];
  caption?: string;
  class?: string;
  /** The body rows. */
  children: ComponentChildren;
}

/** A table with an optional caption, a row of column headings and the body rows it is given. */
export function DataTable({ columns, caption, class: className, children }: Props) {
  return (
    <table class={className}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column) =>
            typeof column === 'string' ? (
              <th key={column} scope="col">
                {column}
              </th>
            ) : (
              <th key={column.key} scope="col">
                {column.heading}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
