import { categoryColors } from './category-colors';

/** A category code in its product-wide colour, the full name on hover and for screen readers. */
export function CategoryChip({ code, name }: { code: string; name: string }) {
  const [light, dark] = categoryColors(code);
  return (
    <span class="cat-chip" title={name} style={{ '--pl-cat-light': light, '--pl-cat-dark': dark }}>
      <span aria-hidden="true">{code}</span>
      <span class="visually-hidden">{name}</span>
    </span>
  );
}
