import type { CategoryCount } from '../../lib/categories';
import { categoryStyle } from '../../lib/categories';
import { OTHER_CATEGORY } from '../../lib/insights/papers-per-year';

/** The category colours used by every chart, with each category's paper count. */
export function CategoryLegend({ categories }: { categories: readonly CategoryCount[] }) {
  return (
    <ul class="category-legend" aria-label="Categories">
      {categories.map((category) => (
        <li key={category.code} class="pl-cat" style={categoryStyle(category.code)}>
          <span class="swatch" aria-hidden="true" />
          {category.code !== OTHER_CATEGORY && <abbr title={category.name}>{category.code}</abbr>} {category.name} (
          {category.count.toLocaleString('en')})
        </li>
      ))}
    </ul>
  );
}
