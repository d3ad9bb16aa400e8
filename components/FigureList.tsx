/** A figure a source may not give: unknown is "—", never 0. */
export const known = (value: number | string | null | undefined, show: (n: number) => string = String): string =>
  value === null || value === undefined ? '—' : typeof value === 'string' ? value : show(value);

/** Labelled figures (profile header, a followed author's profile), as a description list. */
export function FigureList({
  figures,
  class: className,
  title,
}: {
  figures: [string, string][];
  class: string;
  title?: string;
}) {
  return (
    <dl class={className} title={title}>
      {figures.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
