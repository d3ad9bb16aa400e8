import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { type IncomingPaper, type IncomingPaperInput, IncomingPaperSchema, type SourceResult } from '../incoming';

/** One page of an arXiv API answer: its papers and where the page sits in the whole result. */
export type ArxivPage = SourceResult<{ total: number; startIndex: number; itemsPerPage: number }>;

/** How the message of arXiv's own error feed begins, so a caller can tell a refused query from a damaged answer. */
export const ARXIV_ERROR_PREFIX = 'arXiv answered with an error: ';

const REPEATED = new Set(['entry', 'author', 'category', 'link']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Ids like 2402.07871 and counts stay text: nothing is coerced to a number behind our back.
  parseTagValue: false,
  parseAttributeValue: false,
  // arXiv's prefixes (arxiv:, opensearch:) are fixed by its manual; dropping them also tolerates other spellings.
  removeNSPrefix: true,
  isArray: (name) => REPEATED.has(name),
  // Tags like __proto__ or constructor make the parser throw (caught below) instead of reaching an object.
  strictReservedNames: true,
});

const ERROR_ID = /^https?:\/\/arxiv\.org\/api\/errors/;
const ABS_URL = /^https?:\/\/(?:export\.)?arxiv\.org\/abs\/(.+?)(?:v(\d+))?$/;
const ARXIV_CATEGORY = /^[a-z-]+(\.[A-Za-z-]+)?$/;

/**
 * Reads one page of an arXiv API answer (Atom 1.0 with arXiv's and OpenSearch's
 * extensions, as in arXiv's API user manual). Never throws: arXiv's error feed,
 * a damaged answer or a bad entry comes back as one plain sentence.
 */
export function parseArxivAtom(xml: string): ArxivPage {
  const feed = readFeed(xml);
  if (!feed.ok) return feed;
  const refusal = errorFeedMessage(feed.value);
  if (refusal) return { ok: false, error: refusal };
  const counts = readCounts(feed.value);
  if (!counts.ok) return counts;
  const papers = readEntries(many(feed.value, 'entry'));
  if (!papers.ok) return papers;
  return { ok: true, papers: papers.value, ...counts.value };
}

type Read<T> = { ok: true; value: T } | { ok: false; error: string };

const notAtom = (detail: string): { ok: false; error: string } => ({
  ok: false,
  error: `arXiv's answer is cut off or is not an Atom feed (${detail})`,
});

function readFeed(xml: string): Read<unknown> {
  const text = xml.trim();
  if (!text) return notAtom('it is empty');
  if (!text.startsWith('<')) return notAtom(`it begins "${text.slice(0, 40)}"`);
  if (!text.endsWith('</feed>')) return notAtom('it does not end with </feed>');
  const valid = XMLValidator.validate(text);
  if (valid !== true) return notAtom(`line ${valid.err.line}: ${valid.err.msg}`);
  try {
    const root: unknown = parser.parse(text);
    return isRecord(root) && isRecord(root.feed) ? { ok: true, value: root.feed } : notAtom('it has no <feed>');
  } catch (error) {
    return notAtom(error instanceof Error ? error.message : String(error));
  }
}

/** arXiv reports a bad query as a feed whose single entry's id is under http://arxiv.org/api/errors. */
function errorFeedMessage(feed: unknown): string | null {
  const entry = many(feed, 'entry').find((item) => ERROR_ID.test(text(one(item, 'id'))));
  if (entry === undefined) return null;
  return `${ARXIV_ERROR_PREFIX}${collapse(text(one(entry, 'summary'))) || 'no reason given'}`;
}

function readCounts(feed: unknown): Read<{ total: number; startIndex: number; itemsPerPage: number }> {
  const total = count(one(feed, 'totalResults'));
  const startIndex = count(one(feed, 'startIndex'));
  const itemsPerPage = count(one(feed, 'itemsPerPage'));
  if (total === null || startIndex === null || itemsPerPage === null) {
    return notAtom('opensearch:totalResults, startIndex or itemsPerPage is missing or not a whole number');
  }
  return { ok: true, value: { total, startIndex, itemsPerPage } };
}

function readEntries(entries: unknown[]): Read<IncomingPaper[]> {
  const papers: IncomingPaper[] = [];
  for (const [index, entry] of entries.entries()) {
    const input = entryInput(entry);
    const parsed = IncomingPaperSchema.safeParse(input);
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      const field = `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim();
      return {
        ok: false,
        error: `arXiv's answer has a bad entry ${index + 1} (${input.arxivId || 'no id'}): ${field}`,
      };
    }
    papers.push(parsed.data);
  }
  return { ok: true, value: papers };
}

function entryInput(entry: unknown): IncomingPaperInput {
  const primaryCategory = attribute(one(entry, 'primary_category'), 'term');
  const updated = text(one(entry, 'updated'));
  return {
    ...readId(text(one(entry, 'id'))),
    doi: firstWord(text(one(entry, 'doi'))),
    title: text(one(entry, 'title')),
    authors: many(entry, 'author').map((author) => text(one(author, 'name'))),
    abstract: text(one(entry, 'summary')),
    primaryCategory,
    categories: readCategories(entry, primaryCategory),
    date: isoDay(text(one(entry, 'published'))),
    updated: updated ? isoDay(updated) : null,
    journalRef: text(one(entry, 'journal_ref')) || null,
    comments: text(one(entry, 'comment')) || null,
  };
}

/** `http://arxiv.org/abs/2402.07871v2` → 2402.07871, version 2; anything else is passed on for the schema to name. */
function readId(id: string): { arxivId: string; version: number | null } {
  const match = ABS_URL.exec(id);
  if (!match?.[1]) return { arxivId: id, version: null };
  return { arxivId: match[1], version: match[2] ? Number(match[2]) : null };
}

/** arXiv categories, primary first, once each; ACM and MSC codes (I.2.6, 68T05) share the element and are left out. */
function readCategories(entry: unknown, primary: string | null): string[] {
  const terms = many(entry, 'category').map((category) => attribute(category, 'term') ?? '');
  const all = [...new Set([...(primary ? [primary] : []), ...terms])];
  return all.filter((term) => ARXIV_CATEGORY.test(term)).slice(0, 50);
}

/** `2024-02-12T18:33:47Z` → `2024-02-12`, the day as arXiv wrote it. */
const isoDay = (timestamp: string) => /^\d{4}-\d{2}-\d{2}/.exec(timestamp)?.[0] ?? timestamp;

/** A few entries list two DOIs separated by a space: the first is the paper's. */
const firstWord = (value: string) => value.split(/\s+/)[0] || null;

const collapse = (value: string) => value.replace(/\s+/g, ' ').trim();

function count(node: unknown): number | null {
  const value = text(node);
  return /^\d+$/.test(value) ? Number(value) : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every child element called `name` (none, one or many). */
function many(node: unknown, name: string): unknown[] {
  if (!isRecord(node) || !Object.hasOwn(node, name)) return [];
  const value = node[name];
  return Array.isArray(value) ? value : [value];
}

/** The first child element called `name`, if any. */
const one = (node: unknown, name: string): unknown => many(node, name)[0];

/** An element's text, whether or not it also has attributes; '' for anything else. */
function text(node: unknown): string {
  if (typeof node === 'string') return node.trim();
  return isRecord(node) && typeof node['#text'] === 'string' ? node['#text'].trim() : '';
}

function attribute(node: unknown, name: string): string | null {
  const value = isRecord(node) && Object.hasOwn(node, `@${name}`) ? node[`@${name}`] : null;
  return typeof value === 'string' ? value.trim() : null;
}
