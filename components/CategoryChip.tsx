import { categoryStyle } from '../lib/categories';

/** A category code in its product-wide colour, the full name on hover and for screen readers. */
export function CategoryChip({ code, name }: { code: string; name: string }) {
  return (
    <span class="cat-chip" title={name} style={categoryStyle(code)}>
      <span aria-hidden="true">{code}</span>
      <span class="visually-hidden">{name}</span>
    </span>
  );
}
