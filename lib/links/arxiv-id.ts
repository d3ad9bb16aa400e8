/** An arXiv identifier split into the bare id and its version, if one was given. */
export interface ArxivId {
  /** `2402.07871`, or `hep-th/9901001` / `math.GR/0512484` for old-style ids. */
  id: string;
  version: number | null;
}

/**
 * Regex source matching anything shaped like an arXiv id with an optional version.
 *
 * Deliberately looser than the grammar and free of capture groups, so URL patterns can
 * embed it in their own groups and leave the final word to {@link parseArxivId}.
 */
export const ARXIV_ID_CANDIDATE = String.raw`(?:[a-zA-Z-]+(?:\.[a-zA-Z]{2})?/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?`;

// Old-style ids only ever used these archives, and the scheme was frozen in March 2007.
const OLD_ARCHIVES = new Set([
  'acc-phys',
  'adap-org',
  'alg-geom',
  'ao-sci',
  'astro-ph',
  'atom-ph',
  'bayes-an',
  'chao-dyn',
  'chem-ph',
  'cmp-lg',
  'comp-gas',
  'cond-mat',
  'cs',
  'dg-ga',
  'funct-an',
  'gr-qc',
  'hep-ex',
  'hep-lat',
  'hep-ph',
  'hep-th',
  'math',
  'math-ph',
  'mtrl-th',
  'nlin',
  'nucl-ex',
  'nucl-th',
  'patt-sol',
  'physics',
  'plasm-ph',
  'q-alg',
  'q-bio',
  'quant-ph',
  'solv-int',
  'supr-con',
]);

const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:v([1-9]\d{0,2}))?$/;
const OLD_STYLE = /^([a-z-]+)((?:\.[A-Z]{2})?)\/(\d{2})(\d{2})(\d{3})(?:v([1-9]\d{0,2}))?$/;

/**
 * Parses a string that is exactly one arXiv id with an optional `vN` version, nothing more.
 *
 * New-style ids are `YYMM.NNNN` from April 2007 through 2014 and `YYMM.NNNNN` from 2015 on;
 * old-style ids are `archive(.SC)/YYMMNNN` (August 1991 to March 2007), returned with their
 * archive and subject class as written.
 */
export function parseArxivId(s: string): ArxivId | null {
  const fresh = NEW_STYLE.exec(s);
  if (fresh) {
    const [, yy = '', mm = '', num = '', version] = fresh;
    const month = yearMonth(2000 + Number(yy), mm);
    const digits = month < 201501 ? 4 : 5;
    if (month < 200704 || num.length !== digits || Number(num) === 0) return null;
    return { id: `${yy}${mm}.${num}`, version: toVersion(version) };
  }
  const old = OLD_STYLE.exec(s);
  if (old) {
    const [, archive = '', subject = '', yy = '', mm = '', num = '', version] = old;
    const month = yearMonth((Number(yy) >= 91 ? 1900 : 2000) + Number(yy), mm);
    if (!OLD_ARCHIVES.has(archive) || month < 199108 || month > 200703 || num === '000') {
      return null;
    }
    return { id: `${archive}${subject}/${yy}${mm}${num}`, version: toVersion(version) };
  }
  return null;
}

/** `YYYYMM` as a number; 0 for an impossible month, which falls before every era. */
function yearMonth(year: number, mm: string): number {
  const month = Number(mm);
  return month >= 1 && month <= 12 ? year * 100 + month : 0;
}

function toVersion(digits: string | undefined): number | null {
  return digits === undefined ? null : Number(digits);
}

/** The arXiv abstract page of a bare id (new or old style). */
export function abstractUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

/** The arXiv PDF of a bare id. */
export function pdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${id}`;
}
