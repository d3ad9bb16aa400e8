import { type Creator, type Entry, type Library, parse } from '@retorquere/bibtex-parser';
import type { z } from 'zod';
import { ARXIV_ID_CANDIDATE, type ArxivId, parseArxivId } from '../../links/arxiv-id';
import { detectPaperLink } from '../../links/detect';
import { type IncomingPaper, type IncomingPaperInput, IncomingPaperSchema, type SourceResult } from '../incoming';

/** An entry left out of the import, and why, in words for the user. */
export interface SkippedEntry {
  key: string;
  reason: string;
}

type Fields = Entry['fields'];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const CATEGORY = /^[a-z-]+(\.[A-Za-z-]+)?$/;
// Google Scholar puts the id in the journal: `arXiv preprint arXiv:2402.07871`.
const ARXIV_MENTION = new RegExp(`\\barxiv:\\s*(${ARXIV_ID_CANDIDATE})`, 'i');
// The parser renders \emph, \textbf, \url, \LaTeX… as HTML; the paper wants plain text.
const MARKUP = /<\/?(?:i|b|sub|sup|a|span|code|br|p|li|ul|blockquote|h[1-6])(?:\s[^<>]*)?>/g;
// `$\mu$` comes back as the mathematical italic 𝜇; compatibility normalization makes it μ again.
const MATH_LETTERS = /[\u{1D400}-\u{1D7FF}]/gu;
const SYNTAX_ERROR = / at line (\d+), column \d+(?: in "([^"]*)")?/;

/**
 * Reads a BibTeX library into papers: those with an arXiv id (from `eprint`, a
 * Google Scholar `journal`, an arXiv `url` or arXiv DOI) or a DOI. Entries with
 * neither, with no year, or that fail the paper schema are skipped with a reason;
 * a syntax error fails the whole file, naming its line. Never throws.
 */
export function parseBibtexLibrary(text: string): SourceResult<{ skipped: SkippedEntry[] }> {
  let library: Library;
  try {
    // Titles keep their case: sentence-casing is for citation styles, not for a library.
    library = parse(text, { english: false, unsupported: 'ignore' });
  } catch (error) {
    return { ok: false, error: `the file could not be read as BibTeX (${String(error)})` };
  }
  const syntax = syntaxError(library.errors);
  if (syntax) return { ok: false, error: syntax };
  const skipped = unreadableEntries(library.errors);
  if (!library.entries.length && !skipped.length) {
    return { ok: false, error: 'the file has no BibTeX entries; choose a .bib file exported from a reference manager' };
  }
  const papers: IncomingPaper[] = [];
  for (const entry of library.entries) {
    const result = toPaper(entry);
    if ('reason' in result) skipped.push(result);
    else papers.push(result.paper);
  }
  return { ok: true, papers, skipped };
}

function syntaxError(errors: Library['errors']): string | null {
  for (const { error } of errors) {
    const where = SYNTAX_ERROR.exec(error);
    if (!where) continue;
    const detail = error.replace(SYNTAX_ERROR, '').trim();
    const entry = where[2] ? ` in an @${where[2]} entry` : '';
    return `line ${where[1]}: the BibTeX is broken${entry} (${detail}); check the braces, quotes and commas there`;
  }
  return null;
}

// The parser drops an entry whose LaTeX it cannot read, reporting the entry's text without a line.
function unreadableEntries(errors: Library['errors']): SkippedEntry[] {
  return errors.flatMap(({ error, input }) => {
    const key = /^@\w+\s*[{(]\s*([^,\s]*)/.exec(input ?? '')?.[1];
    if (key === undefined) return [];
    return [{ key, reason: `its LaTeX could not be read (${error.split(/ @ |\n/)[0]})` }];
  });
}

function toPaper(entry: Entry): { paper: IncomingPaper } | SkippedEntry {
  const { key, fields } = entry;
  const arxiv = arxivIdOf(fields);
  const doi = doiOf(fields);
  if (!arxiv && !doi) return { key, reason: 'has neither an arXiv id nor a DOI (eprint, url or doi)' };
  const date = dateOf(fields);
  if (!date) return { key, reason: 'has no year' };
  const result = IncomingPaperSchema.safeParse(toIncoming(fields, arxiv, doi, date));
  return result.success ? { paper: result.data } : { key, reason: sentence(result.error.issues[0]) };
}

function toIncoming(fields: Fields, arxiv: ArxivId | null, doi: string | null, date: string): IncomingPaperInput {
  const category = fields.primaryclass?.trim();
  const categories = category && CATEGORY.test(category) ? [category] : [];
  return {
    arxivId: arxiv?.id ?? null,
    version: arxiv?.version ?? null,
    doi,
    title: plainText(fields.title ?? ''),
    authors: (fields.author ?? []).filter((creator) => creator.lastName !== 'others').map(creatorName),
    abstract: plainText(fields.abstract ?? ''),
    primaryCategory: categories[0] ?? null,
    categories,
    date,
    updated: null,
    journalRef: journalOf(fields),
    comments: null,
  };
}

/** The arXiv id from the first field that gives one: `eprint`, a journal mention, `url`, then `doi`. */
function arxivIdOf(fields: Fields): ArxivId | null {
  return eprintId(fields) ?? mentionedId(fields) ?? linkedId(fields.url) ?? linkedId(doiUrl(fields.doi));
}

function eprintId(fields: Fields): ArxivId | null {
  const archive = (fields.archiveprefix ?? fields.eprinttype)?.trim().toLowerCase();
  if (!fields.eprint || (archive && archive !== 'arxiv')) return null;
  return parseArxivId(fields.eprint.trim().replace(/^arxiv:/i, ''));
}

function mentionedId(fields: Fields): ArxivId | null {
  for (const text of [fields.journal, fields.journaltitle, fields.howpublished]) {
    const candidate = text && ARXIV_MENTION.exec(text)?.[1];
    const parsed = candidate ? parseArxivId(candidate) : null;
    if (parsed) return parsed;
  }
  return null;
}

// Link detection knows every arXiv URL shape, arXiv's own DOIs (10.48550/arXiv.…) included.
function linkedId(url: string | undefined): ArxivId | null {
  const ref = url ? detectPaperLink(url.trim(), '', url.trim()) : null;
  return ref?.kind === 'id' ? { id: ref.id, version: ref.version } : null;
}

function doiUrl(doi: string | undefined): string | undefined {
  const bare = doi && bareDoi(doi);
  return bare ? `https://doi.org/${bare}` : undefined;
}

function doiOf(fields: Fields): string | null {
  return fields.doi ? bareDoi(fields.doi) : null;
}

/** `https://doi.org/10.1002/x` or `doi:10.1002/x` → `10.1002/x`. */
function bareDoi(doi: string): string | null {
  return doi.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '') || null;
}

/** `date` (`2025-06-27`, `2025-06`, `2025`), else year and month, as YYYY-MM-DD with missing parts as 01. */
function dateOf(fields: Fields): string | null {
  const date = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(fields.date?.trim() ?? '');
  if (date) return `${date[1]}-${date[2] ?? '01'}-${date[3] ?? '01'}`;
  const year = /^\d{4}/.exec(fields.year?.trim() ?? '')?.[0];
  return year ? `${year}-${monthOf(fields.month)}-01` : null;
}

/** `7`, `jul`, `July` or `Jul.` → `07`; anything else → `01`. */
function monthOf(month: string | undefined): string {
  const text = month?.trim().toLowerCase() ?? '';
  const number = /^\d{1,2}$/.test(text) ? Number(text) : MONTHS.indexOf(text.slice(0, 3)) + 1;
  return String(number >= 1 && number <= 12 ? number : 1).padStart(2, '0');
}

// A journal field that only says "arXiv preprint" is where Google Scholar puts the id, not a publication.
function journalOf(fields: Fields): string | null {
  const journal = fields.journal ?? fields.journaltitle ?? fields.booktitle;
  return journal && !/arxiv/i.test(journal) ? plainText(journal) : null;
}

/** "First Last" (von part and suffix in place); a brace-protected name stays as written. */
function creatorName(creator: Creator): string {
  const name =
    creator.name ?? [creator.firstName, creator.prefix, creator.lastName, creator.suffix].filter(Boolean).join(' ');
  return plainText(name);
}

// The parser writes `{\'o}` as o plus a combining accent; NFC makes it the ó other sources spell.
function plainText(value: string): string {
  return value
    .replace(MARKUP, '')
    .replace(MATH_LETTERS, (letter) => letter.normalize('NFKC'))
    .normalize('NFC');
}

/** BibTeX field names for the paper's, for skip reasons. */
const BIBTEX_NAMES: Record<string, string> = {
  arxivId: 'eprint',
  authors: 'author',
  journalRef: 'journal',
  primaryCategory: 'primaryClass',
  categories: 'primaryClass',
};

/** An issue as "<field> <problem>", in BibTeX's field names. */
function sentence(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'is not valid';
  if (issue.message.startsWith('has ')) return issue.message;
  const [head = '', ...rest] = issue.path.map(String);
  const field = [BIBTEX_NAMES[head] ?? head, ...rest].join('.');
  return /^(is|must) /.test(issue.message) ? `${field} ${issue.message}` : `${field} is invalid (${issue.message})`;
}
