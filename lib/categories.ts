import type { Paper } from './corpus/schema';

/**
 * Everything about arXiv categories in one place: their names, how many papers
 * each has, and the colour each is drawn in (badges, chips, charts).
 */

/**
 * arXiv category code → full name (arXiv's taxonomy). The profile writes
 * computer-science categories without their `cs.` prefix (`LG`).
 */
export const ARXIV_CATEGORY_NAMES: Readonly<Record<string, string>> = {
  'cs.AI': 'Artificial Intelligence',
  'cs.AR': 'Hardware Architecture',
  'cs.CC': 'Computational Complexity',
  'cs.CE': 'Computational Engineering, Finance, and Science',
  'cs.CG': 'Computational Geometry',
  'cs.CL': 'Computation and Language',
  'cs.CR': 'Cryptography and Security',
  'cs.CV': 'Computer Vision and Pattern Recognition',
  'cs.CY': 'Computers and Society',
  'cs.DB': 'Databases',
  'cs.DC': 'Distributed, Parallel, and Cluster Computing',
  'cs.DL': 'Digital Libraries',
  'cs.DM': 'Discrete Mathematics',
  'cs.DS': 'Data Structures and Algorithms',
  'cs.ET': 'Emerging Technologies',
  'cs.FL': 'Formal Languages and Automata Theory',
  'cs.GL': 'General Literature',
  'cs.GR': 'Graphics',
  'cs.GT': 'Computer Science and Game Theory',
  'cs.HC': 'Human-Computer Interaction',
  'cs.IR': 'Information Retrieval',
  'cs.IT': 'Information Theory',
  'cs.LG': 'Machine Learning',
  'cs.LO': 'Logic in Computer Science',
  'cs.MA': 'Multiagent Systems',
  'cs.MM': 'Multimedia',
  'cs.MS': 'Mathematical Software',
  'cs.NA': 'Numerical Analysis',
  'cs.NE': 'Neural and Evolutionary Computing',
  'cs.NI': 'Networking and Internet Architecture',
  'cs.OH': 'Other Computer Science',
  'cs.OS': 'Operating Systems',
  'cs.PF': 'Performance',
  'cs.PL': 'Programming Languages',
  'cs.RO': 'Robotics',
  'cs.SC': 'Symbolic Computation',
  'cs.SD': 'Sound',
  'cs.SE': 'Software Engineering',
  'cs.SI': 'Social and Information Networks',
  'cs.SY': 'Systems and Control',
  'eess.AS': 'Audio and Speech Processing',
  'eess.IV': 'Image and Video Processing',
  'eess.SP': 'Signal Processing',
  'eess.SY': 'Systems and Control',
  'stat.ML': 'Machine Learning (Statistics)',
  'math.OC': 'Optimization and Control',
};

/** `LG` → `cs.LG`; a code with its archive (`cs.LG`) or an archive of its own (`hep-th`) is kept. */
export function toArxivCategory(code: string): string {
  return /^[A-Z]{2}$/.test(code) ? `cs.${code}` : code;
}

/** The short code papers are filtered and coloured by: `cs.LG` → `LG` (as the profile writes it), others whole. */
export function categoryCode(arxivCategory: string): string {
  return arxivCategory.startsWith('cs.') ? arxivCategory.slice(3) : arxivCategory;
}

/** Full name of a profile code (`LG`) or arXiv category (`cs.LG`), or null when unknown. */
export function categoryName(code: string): string | null {
  return ARXIV_CATEGORY_NAMES[toArxivCategory(code)] ?? null;
}

/** One category of the corpus and how many of its papers are in it. */
export interface CategoryCount {
  /** Profile code (`LG`). */
  code: string;
  /** Full arXiv name (`Machine Learning`). */
  name: string;
  count: number;
}

/** The categories of `papers`, most papers first, then by code: the popup's filters and the charts' legend. */
export function categoryCounts(papers: readonly Pick<Paper, 'category' | 'categoryName'>[]): CategoryCount[] {
  const counts = new Map<string, CategoryCount>();
  for (const paper of papers) {
    const entry = counts.get(paper.category) ?? { code: paper.category, name: paper.categoryName, count: 0 };
    entry.count += 1;
    counts.set(paper.category, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code, 'en'));
}

/**
 * One colour per category, the same in badges, chips and charts. Each pair is
 * [light-mode, dark-mode]; both keep 4.5:1 contrast with white/dark text on a chip.
 */
const COLORS: Record<string, [string, string]> = {
  LG: ['#1f5fbf', '#7fb2ff'],
  CL: ['#1d7a46', '#6fd39b'],
  AI: ['#7a3fc2', '#c5a3ff'],
  SE: ['#b25000', '#ffb36b'],
  SD: ['#0b7285', '#66d9e8'],
};
const FALLBACK: [string, string] = ['#57606a', '#b1bac4'];

/** The light and dark colours of a profile category code (`LG`). */
export function categoryColors(code: string): [string, string] {
  return COLORS[code] ?? FALLBACK;
}

/** A category's colours as the custom properties the stylesheets read. */
export type CategoryStyle = Record<'--pl-cat-light' | '--pl-cat-dark', string>;

/**
 * Inline custom properties carrying a category's light and dark colour
 * (`--pl-cat-light`, `--pl-cat-dark`); the stylesheet picks the one for the
 * current theme with `light-dark()`, so every view uses the same colours.
 */
export function categoryStyle(code: string): CategoryStyle {
  const [light, dark] = categoryColors(code);
  return { '--pl-cat-light': light, '--pl-cat-dark': dark };
}

/** {@link categoryStyle} as declarations, for the plain-DOM views in other people's pages. */
export function categoryStyleText(code: string): string {
  const [light, dark] = categoryColors(code);
  return `--pl-cat-light:${light};--pl-cat-dark:${dark}`;
}
