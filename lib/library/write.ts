import type { IDBPTransaction } from 'idb';
import { getMeta, type PaperlensDatabase, type PaperlensDB } from '../db';
import { normalizeText } from '../text/normalize';
import { createStoredLookup, type PaperChunks, type PaperReader, papersInMemory } from './import-chunks';
import type { IncomingPaper } from './incoming';
import { type Ambiguity, createAuthorMatcher, type FrequentAuthor, mostFrequentAuthors, slugForAuthor } from './match';
import { familiesOf, keyOf, paperChanged, toLibraryPaper } from './paper';
import {
  AUTHOR_COLORS,
  type AuthorSource,
  type FollowedAuthor,
  type LibraryPaper,
  type ProfileFigures,
} from './schema';
import { stagedRange } from './staging';

/** An author an import follows as it is written: "Follow on arXiv", a ScholarFeed profile, a preview's suggestion. */
export interface NewAuthor {
  name: string;
  variants?: string[];
  arxivQuery?: string | null;
  scholarFeedId?: string | null;
  profile?: ProfileFigures | null;
}

/** What an import brings: papers from one source, and maybe an author it follows. */
export interface LibraryImport {
  source: { kind: 'arxiv' | 'file'; name: string };
  papers: readonly IncomingPaper[];
  follow: NewAuthor | null;
  /** Titles of the followed author's papers that the source gives without ids (a ScholarFeed profile): library papers with these titles become theirs. */
  titles?: readonly string[];
  /**
   * The followed author an arXiv author query was run for: of its results, only the papers whose author lists
   * name them (surely or possibly) are kept. arXiv's `au:` search matches a family name and an initial, which
   * many people share; who a paper belongs to is still the name matcher's call.
   */
  queryAuthorId?: string;
}

/** What the user decided on the preview: suggested authors to follow, ambiguous names settled. */
export interface ImportDecisions {
  follow: string[];
  /** A written name → the followed author it is (an id), or null for none of them. */
  resolved: { written: string; authorId: string | null }[];
}

export const NO_DECISIONS: ImportDecisions = { follow: [], resolved: [] };

/** What an import would do, shown before anything is written. */
export interface LibraryPreview {
  papers: number;
  added: number;
  updated: number;
  unchanged: number;
  /** The followed authors (and the author this import follows) the papers name, with how many each. */
  byAuthor: { id: string | null; name: string; papers: number }[];
  /** Papers that name no followed author (they join the library and are badged all the same). */
  noFollowed: number;
  /** Names that could be more than one followed author: the user says who. */
  ambiguous: { written: string; candidates: { id: string; name: string }[]; papers: number }[];
  /** The names on most papers that nobody follows yet: the preview offers to follow them. */
  suggestions: FrequentAuthor[];
}

export interface LibraryImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Authors followed by this import. */
  followed: string[];
  /** The followed authors whose papers changed (their coauthors are worked out again). */
  touchedAuthors: string[];
  /** Keys of the papers new to the library. */
  addedIds: string[];
}

/** An import whose papers a page staged (`count` of them, under `importId`, read by `chunks`) rather than held in memory. */
export type StagedLibraryImport = Omit<LibraryImport, 'papers'> & {
  staged: { importId: string; count: number; chunks: PaperChunks };
};

/** Papers worked through so far of all the import holds, for a progress bar. */
export type ImportProgressReport = (done: number, total: number) => void;

type AnyImport = LibraryImport | StagedLibraryImport;

const chunksOf = (plan: AnyImport): PaperChunks =>
  'papers' in plan ? papersInMemory(plan.papers) : plan.staged.chunks;
const sizeOf = (plan: AnyImport): number => ('papers' in plan ? plan.papers.length : plan.staged.count);

/**
 * Works out what {@link commitLibraryImport} would write, reading only the
 * records the import names, a chunk at a time: what it keeps of the papers is
 * their counts and (interned) author lists, never the papers themselves.
 */
export async function previewLibraryImport(
  db: PaperlensDatabase,
  plan: AnyImport,
  decisions: ImportDecisions = NO_DECISIONS,
  onProgress?: ImportProgressReport,
): Promise<LibraryPreview> {
  const tx = db.transaction(['papers', 'authors', 'staging']);
  const papersStore = tx.objectStore('papers');
  const planned = planAuthors(await tx.objectStore('authors').getAll(), plan, decisions, new Date(0).toISOString());
  const planner = createPlanner(plan, planned, new Date(0).toISOString());
  const tally = createPreviewTally();
  const lookup = createStoredLookup(papersStore, sizeOf(plan));
  let done = 0;
  for await (const chunk of chunksOf(plan)(tx.objectStore('staging'))) {
    const { papers, ambiguous } = planner.chunk(chunk, await lookup(chunk));
    tally.add(chunk, papers, ambiguous);
    done += chunk.length;
    onProgress?.(done, sizeOf(plan));
  }
  const rest = planner.rest(await readRest(papersStore, plan, planned));
  await tx.done;
  tally.add([], rest, []);
  return tally.preview(planner.counts(), planned, done);
}

/**
 * Writes an import in one transaction (all or nothing): new followed authors,
 * settled names, every paper merged into the library, the library revision
 * bumped so derived data is worked out again, and a staged import's batches
 * dropped. Papers are read and written a chunk at a time, awaiting nothing but
 * IndexedDB, so the transaction never commits half-way; any error aborts it,
 * and so does a worker stopped meanwhile: the library stays as it was. The reading list is not touched.
 */
export async function commitLibraryImport(
  db: PaperlensDatabase,
  plan: AnyImport,
  decisions: ImportDecisions = NO_DECISIONS,
  now = new Date(),
  onProgress?: ImportProgressReport,
): Promise<LibraryImportSummary> {
  const tx = db.transaction(['papers', 'derived', 'authors', 'meta', 'staging'], 'readwrite');
  const writes = createWrites(tx);
  try {
    return await commitIn(tx, writes, plan, decisions, now.toISOString(), onProgress);
  } catch (error) {
    // Not only a failed write: an error while planning must not let the writes issued so far commit.
    writes.fail(error);
    throw error;
  }
}

type CommitTx = IDBPTransaction<PaperlensDB, ('papers' | 'derived' | 'authors' | 'meta' | 'staging')[], 'readwrite'>;

async function commitIn(
  tx: CommitTx,
  writes: ReturnType<typeof createWrites>,
  plan: AnyImport,
  decisions: ImportDecisions,
  at: string,
  onProgress?: ImportProgressReport,
): Promise<LibraryImportSummary> {
  const papersStore = tx.objectStore('papers');
  const [authors, revision] = await Promise.all([
    tx.objectStore('authors').getAll(),
    getMeta(tx.objectStore('meta'), 'libraryRevision'),
  ]);
  const planned = planAuthors(authors, plan, decisions, at);
  const planner = createPlanner(plan, planned, at);
  const lookup = createStoredLookup(papersStore, sizeOf(plan));
  const touched = new Set<string>();
  const addedIds: string[] = [];
  const write = (papers: readonly PlannedPaper[]) => {
    for (const paper of papers) {
      if (paper.replaces) {
        writes.issue(() => papersStore.delete(paper.replaces as string));
        writes.issue(() => tx.objectStore('derived').delete(paper.replaces as string));
      }
      if (paper.changed) writes.issue(() => papersStore.put(paper.record));
      if (paper.changed) for (const id of paper.record.followedAuthorIds) touched.add(id);
      if (paper.isNew) addedIds.push(paper.record.id);
    }
  };
  let done = 0;
  for await (const chunk of chunksOf(plan)(tx.objectStore('staging'))) {
    write(planner.chunk(chunk, await lookup(chunk)).papers);
    writes.check();
    done += chunk.length;
    onProgress?.(done, sizeOf(plan));
  }
  write(planner.rest(await readRest(papersStore, plan, planned)));
  const source: AuthorSource = { kind: plan.source.kind, name: plan.source.name, at };
  const created = new Set(planned.created.map((author) => author.id));
  for (const author of planned.all) {
    if (!touched.has(author.id) && !planned.changed.has(author.id) && !created.has(author.id)) continue;
    writes.issue(() => tx.objectStore('authors').put(withSource(author, touched.has(author.id) ? source : null)));
  }
  if ('staged' in plan) writes.issue(() => tx.objectStore('staging').delete(stagedRange(plan.staged.importId)));
  writes.issue(() => tx.objectStore('meta').put({ key: 'libraryRevision', value: (revision ?? 0) + 1 }));
  await writes.finish();
  const followed = planned.created.map((author) => author.name);
  return { ...planner.counts(), followed, touchedAuthors: [...touched], addedIds };
}

/** What the preview keeps of the papers as it goes: counts, ambiguous names, and interned author lists. */
function createPreviewTally() {
  const counts = new Map<string, number>();
  const ambiguous: { ambiguity: Ambiguity; key: string }[] = [];
  const authorLists: string[][] = [];
  const names = new Map<string, string>();
  const intern = (name: string) => {
    const known = names.get(name);
    if (known !== undefined) return known;
    names.set(name, name);
    return name;
  };
  let noFollowed = 0;
  return {
    add(incoming: readonly IncomingPaper[], papers: readonly PlannedPaper[], found: typeof ambiguous) {
      for (const paper of incoming) authorLists.push(paper.authors.map(intern));
      for (const paper of papers) {
        for (const id of paper.newIds) counts.set(id, (counts.get(id) ?? 0) + 1);
        if (!paper.record.followedAuthorIds.length) noFollowed += 1;
      }
      ambiguous.push(...found);
    },
    preview(
      result: { added: number; updated: number; unchanged: number },
      planned: PlannedAuthors,
      papers: number,
    ): LibraryPreview {
      const byName = new Map(planned.all.map((a) => [a.id, a.name]));
      return {
        papers,
        ...result,
        byAuthor: [...counts].map(([id, count]) => ({
          id: planned.created.some((a) => a.id === id) ? null : id,
          name: byName.get(id) ?? id,
          papers: count,
        })),
        noFollowed,
        ambiguous: groupAmbiguities(ambiguous, byName),
        suggestions: mostFrequentAuthors(authorLists, 5, createAuthorMatcher(planned.all)).filter((s) => s.papers > 1),
      };
    },
  };
}

/**
 * A transaction's writes, issued as the import goes; the first that fails
 * (when issued or later) aborts the transaction, so every other write is taken back too.
 */
function createWrites(tx: { abort(): void; done: Promise<void> }) {
  let failure: { error: unknown } | null = null;
  const fail = (error: unknown) => {
    if (failure) return;
    failure = { error };
    tx.done.catch(() => {});
    try {
      tx.abort();
    } catch {
      // Already finished.
    }
  };
  let pending: Promise<unknown>[] = [];
  return {
    fail,
    issue(write: () => Promise<unknown>) {
      if (failure) return;
      try {
        pending.push(write().catch(fail));
      } catch (error) {
        fail(error);
      }
    },
    /** Throws the first failure so far (the transaction is aborted then), and forgets the writes that succeeded. */
    check() {
      if (failure) throw (failure as { error: unknown }).error;
      if (pending.length > 50_000) pending = [Promise.all(pending)];
    },
    async finish() {
      await Promise.all(pending);
      if (failure) throw (failure as { error: unknown }).error;
      await tx.done;
    },
  };
}

/** The library papers an import reaches beyond its own: a profile's titles, and those of newcomers. */
async function readRest(papers: PaperReader, plan: AnyImport, planned: PlannedAuthors): Promise<Stored> {
  const titles = [...new Set((plan.titles ?? []).map(normalizeText))];
  const byTitle = await Promise.all(titles.map((title) => papers.index('by-title').get(title)));
  return {
    byTitle: byTitle.filter((paper) => paper !== undefined),
    byFamily: await readFamilyPapers(papers, newcomers(planned)),
  };
}

/** The library papers an import reaches beyond its own papers. */
interface Stored {
  byTitle: LibraryPaper[];
  /** Papers already in the library whose author lists carry a newly followed (or re-spelled) author's family name. */
  byFamily: LibraryPaper[];
}

/** Authors this import follows or re-spells: papers the library already has may be theirs. */
const newcomers = (planned: PlannedAuthors): FollowedAuthor[] =>
  planned.all.filter((a) => planned.created.includes(a) || planned.changed.has(a.id));

/** The library papers with a family name of `authors` on their author lists (by index). */
async function readFamilyPapers(papers: PaperReader, authors: readonly FollowedAuthor[]): Promise<LibraryPaper[]> {
  const families = new Set(authors.flatMap((a) => [a.name, ...a.variants]).flatMap((name) => familiesOf([name])));
  const found = await Promise.all([...families].map((family) => papers.index('by-family').getAll(family)));
  return [...new Map(found.flat().map((paper) => [paper.id, paper])).values()];
}

interface PlannedAuthors {
  /** Every followed author after the import, new ones included. */
  all: FollowedAuthor[];
  created: FollowedAuthor[];
  /** Ids of existing authors whose variants or not-variants the decisions changed. */
  changed: Set<string>;
}

/** The followed authors as the import leaves them: new ones added, settled names recorded. */
function planAuthors(
  existing: readonly FollowedAuthor[],
  plan: Pick<LibraryImport, 'follow'>,
  decisions: ImportDecisions,
  at: string,
): PlannedAuthors {
  const all = existing.map((author) => ({ ...author }));
  const created: FollowedAuthor[] = [];
  const taken = new Set(all.map((a) => a.id));
  const wanted = [...(plan.follow ? [plan.follow] : []), ...decisions.follow.map((name) => ({ name }))];
  for (const author of wanted) {
    if (all.some((a) => a.name === author.name)) continue;
    const id = slugForAuthor(author.name, taken);
    taken.add(id);
    const record = newAuthor(id, author, all.length, at);
    all.push(record);
    created.push(record);
  }
  const changed = new Set<string>();
  const matcher = createAuthorMatcher(all);
  for (const { written, authorId } of decisions.resolved) {
    // Only the authors the name could be are told: the chosen one gains a spelling, the others lose it.
    const candidates = new Set(matcher.match([written]).ambiguous.flatMap((a) => a.candidates));
    for (const author of all.filter((a) => candidates.has(a.id))) {
      const is = author.id === authorId;
      const list = is ? author.variants : author.notVariants;
      if (list.includes(written)) continue;
      if (is) author.variants = [...author.variants, written];
      else author.notVariants = [...author.notVariants, written];
      changed.add(author.id);
    }
  }
  return { all, created, changed };
}

function newAuthor(id: string, author: NewAuthor, index: number, at: string): FollowedAuthor {
  return {
    id,
    name: author.name,
    variants: author.variants ?? [],
    notVariants: [],
    arxivQuery: author.arxivQuery ?? null,
    orcid: null,
    scholarFeedId: author.scholarFeedId ?? null,
    color: AUTHOR_COLORS[index % AUTHOR_COLORS.length] ?? '#1f5fbf',
    sources: [],
    refreshedAt: null,
    followedAt: at,
    profile: author.profile ?? null,
  };
}

/** An author with `source` as the latest of its kind and name. */
function withSource(author: FollowedAuthor, source: AuthorSource | null): FollowedAuthor {
  if (!source) return author;
  const others = author.sources.filter((s) => s.kind !== source.kind || s.name !== source.name);
  return { ...author, sources: [source, ...others].slice(0, 100) };
}

interface PlannedPaper {
  record: LibraryPaper;
  changed: boolean;
  /** Followed authors the import found on it (for the preview's counts). */
  newIds: string[];
  isNew: boolean;
  /** The key it was kept under before (a DOI key), removed in the same transaction. */
  replaces?: string | null;
}

/** A paper kept by its DOI that now comes with an arXiv id moves to that id (so arXiv links find it). */
const rekeyed = (existing: LibraryPaper | undefined, paper: IncomingPaper): string | null =>
  existing?.id.startsWith('doi:') && paper.arxivId ? paper.arxivId : null;

/** Whether a paper's author list names a followed author, surely or as one of a name's candidates. */
const namesAuthor = (match: { ids: string[]; ambiguous: Ambiguity[] }, id: string): boolean =>
  match.ids.includes(id) || match.ambiguous.some((a) => a.candidates.includes(id));

/** Every paper of an import as it will be stored, chunk by chunk, and what would change. */
function createPlanner(plan: AnyImport, authors: PlannedAuthors, at: string) {
  const matcher = createAuthorMatcher(authors.all);
  const followedId = plan.follow ? authors.all.find((a) => a.name === plan.follow?.name)?.id : undefined;
  const seen = new Set<string>();
  const seenDois = new Set<string>();
  const counts = { added: 0, updated: 0, unchanged: 0 };
  const count = (existing: LibraryPaper | undefined, changed: boolean) => {
    if (!existing) counts.added += 1;
    else if (changed) counts.updated += 1;
    else counts.unchanged += 1;
  };
  return {
    counts: () => ({ ...counts }),
    /** The chunk's papers as they will be stored, given the library papers it names by key. */
    chunk(incoming: readonly IncomingPaper[], byKey: ReadonlyMap<string, LibraryPaper>) {
      const ambiguous: { ambiguity: Ambiguity; key: string }[] = [];
      const papers: PlannedPaper[] = [];
      for (const paper of incoming) {
        const key = keyOf(paper);
        const existing = byKey.get(key);
        const id = rekeyed(existing, paper) ?? existing?.id ?? key;
        // One paper once, whether the file lists it by arXiv id, by DOI, or both.
        if (seen.has(id) || (paper.doi && seenDois.has(paper.doi))) continue;
        const match = matcher.match(paper.authors);
        if (plan.queryAuthorId && !namesAuthor(match, plan.queryAuthorId)) continue;
        seen.add(id);
        if (paper.doi) seenDois.add(paper.doi);
        for (const ambiguity of match.ambiguous) ambiguous.push({ ambiguity, key });
        const ids = match.ids;
        const merged = toLibraryPaper(paper, existing, { followedAuthorIds: ids, source: plan.source.kind, at });
        const record = { ...merged, id };
        const changed = paperChanged(existing, record);
        count(existing, changed);
        const replaces = existing && existing.id !== id ? existing.id : null;
        papers.push({ record, changed, newIds: ids, isNew: !existing, replaces });
      }
      return { papers, ambiguous };
    },
    /** Library papers the import reaches besides its own: a newcomer's by family name, a profile's by title. */
    rest({ byFamily, byTitle }: Stored): PlannedPaper[] {
      const papers: PlannedPaper[] = [];
      // Papers the library already has become a newly followed author's when their author lists name them.
      const newIds = new Set(newcomers(authors).map((a) => a.id));
      for (const existing of byFamily) {
        if (seen.has(existing.id)) continue;
        const ids = matcher
          .match(existing.authors)
          .ids.filter((id) => newIds.has(id) && !existing.followedAuthorIds.includes(id));
        if (!ids.length) continue;
        seen.add(existing.id);
        const record = { ...existing, followedAuthorIds: [...existing.followedAuthorIds, ...ids] };
        counts.updated += 1;
        papers.push({ record, changed: true, newIds: ids, isNew: false });
      }
      // A profile's papers found by title become its author's too.
      for (const existing of followedId ? byTitle : []) {
        if (seen.has(existing.id) || !followedId) continue;
        seen.add(existing.id);
        const record = { ...existing, followedAuthorIds: [...new Set([...existing.followedAuthorIds, followedId])] };
        const changed = paperChanged(existing, record);
        count(existing, changed);
        papers.push({ record, changed, newIds: [followedId], isNew: false });
      }
      return papers;
    },
  };
}

function groupAmbiguities(
  found: readonly { ambiguity: Ambiguity; key: string }[],
  names: ReadonlyMap<string, string>,
): LibraryPreview['ambiguous'] {
  const byWritten = new Map<string, { candidates: string[]; keys: Set<string> }>();
  for (const { ambiguity, key } of found) {
    const group = byWritten.get(ambiguity.written) ?? { candidates: ambiguity.candidates, keys: new Set() };
    group.keys.add(key);
    byWritten.set(ambiguity.written, group);
  }
  return [...byWritten].map(([written, { candidates, keys }]) => ({
    written,
    candidates: candidates.map((id) => ({ id, name: names.get(id) ?? id })),
    papers: keys.size,
  }));
}

/**
 * Issues a transaction's writes and waits for them; the first that fails
 * (when issued or later) aborts the transaction, so every other write is
 * taken back too.
 */
export async function allOrNothing(
  tx: { abort(): void; done: Promise<void> },
  writes: readonly (() => Promise<unknown>)[],
): Promise<void> {
  const all = createWrites(tx);
  for (const write of writes) all.issue(write);
  await all.finish();
}
