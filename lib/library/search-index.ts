import { lookupPapers } from '../corpus/lookup';
import { type PaperlensDatabase, putParts, readParts, readRevision, StaleParts } from '../db';
import { type DbConnection, readMeta } from '../db-connection';
import type { LookupRequest, LookupResponse, SearchPage, SearchRequest } from '../message-schemas';
import {
  createTextIndex,
  type IndexedText,
  indexedText,
  listedMatches,
  loadTextIndex,
  newestFirst,
  queryWords,
  type RowFinder,
  rowFacets,
  rowFinder,
  type SearchFacets,
  type SearchProfile,
  type SearchRow,
  searchProfileFor,
  searchRow,
  type TextIndex,
  type TextMatch,
  type TextMatches,
  topResults,
} from '../search';
import { fnv1a } from '../text/fnv';
import { normalizeText } from '../text/normalize';
import type { LibraryPaper } from './schema';
import { isOpeningPage, openingPage, type StoredFacets } from './search-first-page';

/** A row as the background keeps it: what filters need, the folded words a quick scan reads, a hash of what was indexed. */
export interface KeptRow extends SearchRow {
  /** ` title words author words ` (folded, spaced at both ends), searched by prefix before the index is loaded. */
  text: string;
  /** Hash of the indexed text: a paper whose hash changed is indexed again. */
  sig: number;
}

/** The rows, as stored for the next worker start: what they were built for, and how many parts hold them. */
export interface StoredSearchRows {
  /** `libraryRevision/derivedRevision` they were built for. */
  revision: string;
  profile: SearchProfile;
  parts: number;
}

/** The text index, as stored: its head (MiniSearch's plain form but the terms), and how many parts hold the terms. */
export interface StoredSearchIndex {
  revision: string;
  profile: SearchProfile;
  head: string;
  parts: number;
}

/**
 * Rows a stored part holds, and characters of index terms: each part is read and parsed in a task of ~20–40 ms.
 * Stored whole at 100k papers, reading the rows back took ~0.8 s and the index ~0.8 s more, each one task that
 * held up every popup and page asking the worker meanwhile.
 */
const PARTS = { rows: 5_000, indexChars: 1_000_000 };
export type PartSizes = typeof PARTS;

/** What the worker holds: rows newest first, and the index once loaded or built. */
interface Kept {
  revision: string;
  profile: SearchProfile;
  rows: KeptRow[];
  byId: Map<string, KeptRow>;
  rowOf: RowFinder<KeptRow>;
  /** Null while it loads from storage: a scan of titles and authors answers meanwhile. */
  index: TextIndex | null;
  /** The stored index being loaded, once: whether it was. */
  loading?: Promise<boolean>;
  facets: Map<string, SearchFacets>;
}

/** Papers read per transaction while building: small enough that pages' lookups are never held up long. */
const BATCH = 500;

/** FNV-1a over what the index reads of a paper. */
function signature(text: IndexedText): number {
  return fnv1a(`${text.title}\u0000${text.authors.join('\u0001')}\u0000${text.abstract}\u0000${text.category}`);
}

function keptRow(paper: LibraryPaper, text: IndexedText): KeptRow {
  return {
    ...searchRow(paper),
    text: ` ${paper.normalizedTitle} ${normalizeText(paper.authors.join(' '))} `,
    sig: signature(text),
  };
}

/** The library's and its derived data's revisions as one key, and whether derived data is current. */
export const currentRevision = (db: PaperlensDatabase) => readRevision(db.transaction('meta').store);

/** Every paper, a batch per transaction, in key order. */
async function* allPapers(db: DbConnection): AsyncGenerator<LibraryPaper[]> {
  let after: string | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const batch = await db.run((open) => open.getAll('papers', range, BATCH));
    if (batch.length === 0) return;
    yield batch;
    after = batch[batch.length - 1]?.id;
  }
}

/**
 * Brings `kept` (or nothing) up to the library as it is: papers whose indexed text
 * changed are indexed again, new ones added, gone ones discarded; the rows are read afresh.
 */
async function refreshed(db: DbConnection, kept: Kept | null, revision: string): Promise<Kept> {
  const count = await db.run((open) => open.count('papers'));
  const profile = searchProfileFor(count);
  const reuse = kept?.index && kept.profile === profile ? kept : null;
  const index = reuse?.index ?? createTextIndex(profile);
  const rows: KeptRow[] = [];
  for await (const batch of allPapers(db)) {
    for (const paper of batch) {
      const text = indexedText(paper);
      const row = keptRow(paper, text);
      const before = reuse?.byId.get(paper.id);
      if (before?.sig !== row.sig) {
        index.discard(paper.id);
        index.add(text);
      }
      rows.push(row);
    }
  }
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const id of reuse?.byId.keys() ?? []) if (!byId.has(id)) index.discard(id);
  await index.compact();
  return { revision, profile, rows: newestFirst(rows), byId, rowOf: rowFinder(byId), index, facets: new Map() };
}

/** Before the index is loaded: every query word a prefix of a title or author word, newest first. */
export function scanRows(rows: readonly KeptRow[], query: string): TextMatch[] | null {
  const words = queryWords(query).map((word) => ` ${word}`);
  if (words.length === 0) return null;
  return rows
    .filter((row) => words.every((word) => row.text.includes(word)))
    .map((row) => ({ id: row.id, score: 1, terms: [] }));
}

/** The facets of the whole library and of every followed author, for the opening page of a restarted worker. */
function allFacets(kept: Kept): StoredFacets['byAuthor'] {
  const rowsOf = new Map<string, KeptRow[]>();
  for (const row of kept.rows) {
    for (const id of row.followed) {
      const list = rowsOf.get(id);
      if (list) list.push(row);
      else rowsOf.set(id, [row]);
    }
  }
  return Object.fromEntries([['', rowFacets(kept.rows)], ...[...rowsOf].map(([id, rows]) => [id, rowFacets(rows)])]);
}

function facetsOf(kept: Kept, authorId: string | null): SearchFacets {
  const key = authorId ?? '';
  let facets = kept.facets.get(key);
  if (!facets) {
    facets = rowFacets(authorId === null ? kept.rows : kept.rows.filter((row) => row.followed.includes(authorId)));
    kept.facets.set(key, facets);
  }
  return facets;
}

/** The summaries of some library papers (the worker's lookup cache, or IndexedDB straight). */
export type Summaries = (request: LookupRequest) => Promise<LookupResponse>;

/** The index's matches, or before it is loaded the scan's (null: the query has no searchable word). */
function matchesOf(kept: Kept, query: string): TextMatches | null {
  if (kept.index) return kept.index.match(query);
  const scanned = scanRows(kept.rows, query);
  return scanned && listedMatches(scanned);
}

async function answer(summarize: Summaries, kept: Kept, request: SearchRequest): Promise<SearchPage> {
  const matches = matchesOf(kept, request.query);
  const { total, top } = topResults(matches, kept.rows, kept.rowOf, request, request.offset + request.limit);
  // Matched terms are read now: worked out from the index when read, they must not wait for a refresh of it.
  const page = top.slice(request.offset).map(({ paper, score, terms }) => ({ paper, score, terms }));
  const { papers } = await summarize({ ids: page.map((result) => result.paper.id), dois: [], titles: [] });
  const summaries = new Map(papers.map((paper) => [paper.id, paper]));
  return {
    total,
    // A paper removed since the rows were read has no summary: it is left out.
    hits: page.flatMap(({ paper, score, terms }) => {
      const summary = summaries.get(paper.id);
      return summary ? [{ paper: summary, score, terms }] : [];
    }),
    facets: facetsOf(kept, request.authorId),
    complete: kept.index !== null,
  };
}

/** Rows, index and facets, stored for the next worker start (once derived data is current), in one transaction. */
async function store(db: DbConnection, done: Kept, sizes: PartSizes): Promise<void> {
  if (!done.index) return;
  const { head, terms } = done.index.toParts(sizes.indexChars);
  const { revision, profile, rows } = done;
  const rowParts = Array.from({ length: Math.ceil(rows.length / sizes.rows) }, (_, i) =>
    rows.slice(i * sizes.rows, (i + 1) * sizes.rows),
  );
  await db.run(async (open) => {
    const tx = open.transaction('meta', 'readwrite');
    await Promise.all([
      ...putParts(tx.store, 'searchRows', { revision, profile }, rowParts),
      ...putParts(tx.store, 'searchIndex', { revision, profile, head }, terms),
      tx.store.put({ key: 'searchFacets', value: { revision, byAuthor: allFacets(done) } }),
      tx.done,
    ]);
  });
}

/** The stored rows, read a part at a time; null when none are stored in this form or a part is stale. */
async function readRows(db: DbConnection): Promise<Kept | null> {
  const stored = await readMeta(db, 'searchRows');
  if (stored?.parts === undefined) return null;
  const rows: KeptRow[] = [];
  try {
    const parts = readParts('searchRows', stored, (key) => readMeta(db, key));
    for await (const part of parts) for (const row of part) rows.push(row);
  } catch (error) {
    if (error instanceof StaleParts) return null;
    throw error;
  }
  const { revision, profile } = stored;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { revision, profile, rows, byId, rowOf: rowFinder(byId), index: null, facets: new Map() };
}

/**
 * The stored index of these rows, loaded once (a part at a time, then in slices: the worker keeps answering
 * meanwhile); false when there is none for them, or it was stored again while it loaded.
 */
function loadIndex(db: DbConnection, rows: Kept): Promise<boolean> {
  rows.loading ??= (async () => {
    const stored = await readMeta(db, 'searchIndex');
    if (stored?.parts === undefined || stored.revision !== rows.revision || stored.profile !== rows.profile) {
      return false;
    }
    const parts = readParts('searchIndex', stored, (key) => readMeta(db, key));
    rows.index = await loadTextIndex(stored.head, parts, stored.profile);
    return true;
  })().catch((error: unknown) => {
    if (!(error instanceof StaleParts)) console.error('[paperlens] search index', error);
    return false;
  });
  return rows.loading;
}

/**
 * The popup's search, kept in the background: rows and a MiniSearch index over the
 * whole library, built once, brought up to date after each change (only changed papers
 * are indexed again) and stored. A restarted worker answers the popup's opening page by
 * index at once (search-first-page.ts), queries from the stored rows (titles and
 * authors, by prefix) once they are read, and from the stored index once it is loaded,
 * never rebuilding it. `summarize` gives a page's summaries: the handlers pass the lookup cache, so papers shown
 * at the last keystrokes are not read again (reading 20 papers, their derived records and what summaries need
 * was a third of a keystroke's time in the worker at 100k).
 */
export function createLibrarySearch(
  db: DbConnection,
  sizes: PartSizes = PARTS,
  summarize: Summaries = (request) => db.run((open) => lookupPapers(open, request)),
) {
  let kept: Kept | null = null;
  let starting: Promise<Kept> | null = null;
  let refreshing: Promise<void> | null = null;

  const refresh = (revision: string, derived: boolean) => {
    refreshing ??= (async () => {
      const before = kept;
      // The stored index loads first: updating it costs what changed, building one costs everything.
      if (before && !before.index) await loadIndex(db, before);
      kept = await refreshed(db, kept, revision);
      if (derived) await store(db, kept, sizes);
    })()
      .catch((error: unknown) => console.error('[paperlens] search index', error))
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  };

  /** Built from the papers (a first start, or nothing usable stored); stored once derived data is current. */
  const build = async (): Promise<Kept> => {
    const { revision, derived } = await db.run(currentRevision);
    await refresh(revision, derived);
    if (!kept) throw new Error('Paperlens could not prepare its search; try again in a moment.');
    return kept;
  };

  /** The stored rows, answering at once, and their index loading behind them; or a first build. */
  const start = async (): Promise<Kept> => {
    const rows = await readRows(db);
    if (!rows) return build();
    void loadIndex(db, rows)
      .then(async (loaded) => {
        // No index stored for these rows (or stored again as it loaded): built from the papers.
        if (!loaded && (kept ?? rows) === rows) await build();
      })
      .catch((error: unknown) => console.error('[paperlens] search index', error));
    return rows;
  };

  /** The rows in memory (stored ones, or a first build). */
  const current = async (): Promise<Kept> => {
    if (!kept) {
      starting ??= start().finally(() => {
        starting = null;
      });
      kept ??= await starting;
    }
    return kept;
  };

  /** An update started behind `rows` if they are stale: stale rows still answer (a paper just removed is left out). */
  const checkRevision = async (rows: Kept): Promise<void> => {
    const { revision, derived } = await db.run(currentRevision);
    if (rows.revision !== revision && !refreshing) void refresh(revision, derived);
  };

  return {
    async search(request: SearchRequest): Promise<SearchPage> {
      // Opening the popup in a restarted worker: its first page is read by index, not after the rows load.
      if (!kept && isOpeningPage(request)) {
        const page = await db.run((open) => openingPage(open, request));
        // The stored rows and index load after it, so their reading does not hold the page up.
        void current().catch(() => {});
        return page;
      }
      const rows = await current();
      // The revision is read while the query is answered, not before it.
      const [page] = await Promise.all([answer(summarize, rows, request), checkRevision(rows)]);
      return page;
    },
  };
}
