/**
 * Parser for the author-profile text format (a copy of a ScholarFeed author
 * page, `data/author-profile.txt`):
 *
 * ```text
 * Jan Ludziejewski          name
 *                           blank
 * LG                        primary category code
 * h-index27                 header figures, label glued to value
 * 13papers
 * 422citations
 * Novelty50%
 * AI Score58
 *
 * 13 Papers                 the number of entries that follow
 *
 * LGAug 13, 2025Code        category code + date (year optional: then 2026) + optional Code tag
 * $μ$-Parametrization …     title (LaTeX allowed)
 *
 * Jan Małaśnicki, … et al. · affiliations     authors, "et al.", optional "· affiliations"
 *
 * Recent years have …       abstract (one line, `\%` escaped)
 * ```
 */

/** A profile entry as written, before it is joined with verified facts. */
export interface ProfileEntry {
  /** 1-based line of the entry's header, for error messages. */
  line: number;
  category: string;
  /** ISO date. */
  date: string;
  hasCode: boolean;
  title: string;
  authors: string[];
  /** The profile ended the author list with "et al.". */
  etAl: boolean;
  affiliation: string | null;
  /** The abstract with the profile's escaped percent signs unescaped. */
  abstract: string;
}

export interface ParsedProfile {
  name: string;
  primaryCategory: string;
  hIndex: number;
  papers: number;
  citations: number;
  /** Fraction: `Novelty50%` is 0.5. */
  novelty: number;
  aiScore: number;
  entries: ProfileEntry[];
}

/** A malformed profile: `line` is 1-based and the message says what was expected. */
export class ProfileParseError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`author profile, line ${line}: ${detail}`);
    this.name = 'ProfileParseError';
  }
}

/** Dates the profile shows without a year ("Mar 26") are in this year. */
export const YEARLESS_DATES_YEAR = 2026;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ENTRY_HEADER = new RegExp(`^([A-Z]{2,5})(${MONTHS.join('|')}) (\\d{1,2})(?:, (\\d{4}))?(Code)?$`);

interface Line {
  number: number;
  text: string;
}

/**
 * Parses the profile text. Throws {@link ProfileParseError} naming the line
 * and what was expected when the text does not follow the format.
 */
export function parseProfile(text: string): ParsedProfile {
  const lines: Line[] = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((raw, index) => ({ number: index + 1, text: raw.trim() }))
    .filter((line) => line.text !== '');
  let cursor = 0;
  const lastLine = text.split(/\r?\n/).length;

  const next = (what: string): Line => {
    const line = lines[cursor++];
    if (!line) throw new ProfileParseError(lastLine, `the file ended where ${what} was expected`);
    return line;
  };
  const figure = (label: string, pattern: RegExp, example: string): number => {
    const line = next(`the ${label} figure`);
    const match = pattern.exec(line.text);
    if (!match?.[1]) {
      throw new ProfileParseError(line.number, `expected the ${label} figure like "${example}", found "${line.text}"`);
    }
    return Number(match[1]);
  };

  const name = next("the author's name").text;
  const categoryLine = next('the primary category');
  if (!/^[A-Z]{2,5}$/.test(categoryLine.text)) {
    throw new ProfileParseError(
      categoryLine.number,
      `expected the primary category code like "LG", found "${categoryLine.text}"`,
    );
  }
  const hIndex = figure('h-index', /^h-index\s*(\d+)$/, 'h-index27');
  const papers = figure('papers', /^(\d+)\s*papers$/, '13papers');
  const citations = figure('citations', /^([\d,]+)\s*citations$/, '422citations');
  const novelty = figure('novelty', /^Novelty\s*(\d+(?:\.\d+)?)%$/, 'Novelty50%') / 100;
  const aiScore = figure('AI score', /^AI Score\s*(\d+(?:\.\d+)?)$/, 'AI Score58');
  const countLine = next('the paper count line');
  const countMatch = /^(\d+) Papers?$/.exec(countLine.text);
  if (!countMatch) {
    throw new ProfileParseError(
      countLine.number,
      `expected the paper count like "13 Papers", found "${countLine.text}"`,
    );
  }
  const expectedEntries = Number(countMatch[1]);

  const entries: ProfileEntry[] = [];
  while (cursor < lines.length) {
    entries.push(parseEntry(next, lines[cursor]?.number ?? lastLine));
  }
  if (entries.length !== expectedEntries) {
    throw new ProfileParseError(
      countLine.number,
      `the profile announces ${expectedEntries} papers but lists ${entries.length}`,
    );
  }
  return { name, primaryCategory: categoryLine.text, hIndex, papers, citations, novelty, aiScore, entries };
}

function parseEntry(next: (what: string) => Line, headerLineNumber: number): ProfileEntry {
  const header = next('a paper header');
  const match = ENTRY_HEADER.exec(header.text);
  if (!match) {
    throw new ProfileParseError(
      header.number,
      `expected a paper header (category code glued to a date, optional Code tag) like "LGAug 13, 2025Code" or "AIMar 26", found "${truncate(header.text)}"`,
    );
  }
  const [, category = '', month = '', day = '', year, code] = match;
  const date = isoDate(Number(year ?? YEARLESS_DATES_YEAR), MONTHS.indexOf(month) + 1, Number(day));
  if (!date) throw new ProfileParseError(header.number, `"${month} ${day}" is not a calendar date`);

  const title = next(`the title of the paper on line ${headerLineNumber}`);
  if (ENTRY_HEADER.test(title.text)) {
    throw new ProfileParseError(
      title.number,
      `expected a title after the paper header on line ${header.number}, found another header`,
    );
  }
  const byline = next(`the author line of "${title.text}"`);
  const { authors, etAl, affiliation } = parseByline(byline);
  const abstract = next(`the abstract of "${title.text}"`);
  if (ENTRY_HEADER.test(abstract.text)) {
    throw new ProfileParseError(abstract.number, `expected the abstract of "${title.text}", found a paper header`);
  }
  return {
    line: header.number,
    category,
    date,
    hasCode: code === 'Code',
    title: title.text,
    authors,
    etAl,
    affiliation,
    abstract: abstract.text.replace(/\\%/g, '%'),
  };
}

function parseByline(line: Line): Pick<ProfileEntry, 'authors' | 'etAl' | 'affiliation'> {
  const [people = '', ...rest] = line.text.split(' · ');
  const affiliation = rest.length ? rest.join(' · ').trim() || null : null;
  const etAl = /\bet al\.?$/.test(people);
  const authors = people
    .replace(/,?\s*\bet al\.?$/, '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (authors.length === 0 || authors.some((name) => name.length > 60 || name.split(/\s+/).length > 6)) {
    throw new ProfileParseError(
      line.number,
      `expected an author line like "Jan Małaśnicki, Kamil Ciebiera et al. · affiliations", found "${truncate(line.text)}"`,
    );
  }
  return { authors, etAl, affiliation };
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
