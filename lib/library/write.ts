import { getMeta, type PaperlensDatabase } from '../db';
import { normalizeText } from '../text/normalize';
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

/** Works out what {@link commitLibraryImport} would write, reading only the records the import names. */
export async function previewLibraryImport(
  db: PaperlensDatabase,
  plan: LibraryImport,
  decisions: ImportDecisions = NO_DECISIONS,
): Promise<LibraryPreview> {
  const tx = db.transaction(['papers', 'authors']);
  const [authors, stored] = await Promise.all([
    tx.objectStore('authors').getAll(),
    readStored(tx.objectStore('papers'), plan),
  ]);
  const planned = planAuthors(authors, plan, decisions, new Date(0).toISOString());
  stored.byFamily = await readFamilyPapers(tx.objectStore('papers'), newcomers(planned));
  await tx.done;
  const result = writePlan(plan, planned, stored, new Date(0).toISOString());
  const names = new Map(planned.all.map((a) => [a.id, a.name]));
  const counts = new Map<string, number>();
  for (const paper of result.papers) for (const id of paper.newIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return {
    papers: plan.papers.length,
    added: result.added,
    updated: result.updated,
    unchanged: result.unchanged,
    byAuthor: [...counts].map(([id, papers]) => ({
      id: planned.created.some((a) => a.id === id) ? null : id,
      name: names.get(id) ?? id,
      papers,
    })),
    noFollowed: result.papers.filter((paper) => !paper.record.followedAuthorIds.length).length,
    ambiguous: groupAmbiguities(result.ambiguous, names),
    suggestions: mostFrequentAuthors(
      plan.papers.map((paper) => paper.authors),
      5,
      createAuthorMatcher(planned.all),
    ).filter((s) => s.papers > 1),
  };
}

/**
 * Writes an import in one transaction (all or nothing): new followed authors,
 * settled names, every paper merged into the library, the library revision
 * bumped so derived data is worked out again. The reading list is not touched.
 */
export async function commitLibraryImport(
  db: PaperlensDatabase,
  plan: LibraryImport,
  decisions: ImportDecisions = NO_DECISIONS,
  now = new Date(),
): Promise<LibraryImportSummary> {
  const at = now.toISOString();
  const tx = db.transaction(['papers', 'authors', 'meta'], 'readwrite');
  const papersStore = tx.objectStore('papers');
  const [authors, stored, revision] = await Promise.all([
    tx.objectStore('authors').getAll(),
    readStored(papersStore, plan),
    getMeta(tx.objectStore('meta'), 'libraryRevision'),
  ]);
  const planned = planAuthors(authors, plan, decisions, at);
  stored.byFamily = await readFamilyPapers(papersStore, newcomers(planned));
  const result = writePlan(plan, planned, stored, at);
  const touched = new Set(result.papers.flatMap((paper) => (paper.changed ? paper.record.followedAuthorIds : [])));
  const source: AuthorSource = { kind: plan.source.kind, name: plan.source.name, at };
  const created = new Set(planned.created.map((author) => author.id));
  await allOrNothing(tx, [
    ...planned.all
      .filter((author) => touched.has(author.id) || planned.changed.has(author.id) || created.has(author.id))
      .map((author) => () => tx.objectStore('authors').put(withSource(author, touched.has(author.id) ? source : null))),
    ...result.papers.flatMap((paper) => (paper.replaces ? [() => papersStore.delete(paper.replaces as string)] : [])),
    ...result.papers.filter((paper) => paper.changed).map((paper) => () => papersStore.put(paper.record)),
    () => tx.objectStore('meta').put({ key: 'libraryRevision', value: (revision ?? 0) + 1 }),
  ]);
  return {
    added: result.added,
    updated: result.updated,
    unchanged: result.unchanged,
    followed: planned.created.map((author) => author.name),
    touchedAuthors: [...touched],
    addedIds: result.papers.filter((paper) => paper.isNew).map((paper) => paper.record.id),
  };
}

/** The part of the papers store an import reads. */
interface PaperReader {
  get(key: string): Promise<LibraryPaper | undefined>;
  index(name: 'by-doi' | 'by-title' | 'by-family'): {
    get(key: string): Promise<LibraryPaper | undefined>;
    getAll(key: string): Promise<LibraryPaper[]>;
  };
}

/** The stored papers an import names, by its keys (an arXiv id, a DOI key, or the DOI of a paper kept by arXiv id). */
async function readStored(papers: PaperReader, plan: LibraryImport): Promise<Stored> {
  const incoming = plan.papers;
  const byTitle = await Promise.all(
    [...new Set((plan.titles ?? []).map(normalizeText))].map((title) => papers.index('by-title').get(title)),
  );
  const found = await Promise.all(
    incoming.map(async (paper) => {
      const byKey = await papers.get(keyOf(paper));
      if (byKey || !paper.doi) return byKey;
      return papers.index('by-doi').get(paper.doi);
    }),
  );
  const byKey = new Map(
    incoming.flatMap((paper, i) => {
      const record = found[i];
      return record ? [[keyOf(paper), record] as const] : [];
    }),
  );
  return { byKey, byTitle: byTitle.filter((paper) => paper !== undefined), byFamily: [] };
}

/** The library papers an import names: by key, (for a profile without ids) by title, and those of newcomers. */
interface Stored {
  byKey: ReadonlyMap<string, LibraryPaper>;
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
  plan: LibraryImport,
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

/** Every paper of the import as it will be stored, and what would change. */
function writePlan(plan: LibraryImport, authors: PlannedAuthors, stored: Stored, at: string) {
  const matcher = createAuthorMatcher(authors.all);
  const followedId = plan.follow ? authors.all.find((a) => a.name === plan.follow?.name)?.id : undefined;
  const ambiguous: { ambiguity: Ambiguity; key: string }[] = [];
  const seen = new Set<string>();
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const papers: PlannedPaper[] = [];
  const seenDois = new Set<string>();
  for (const paper of plan.papers) {
    const key = keyOf(paper);
    const existing = stored.byKey.get(key);
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
    if (!existing) added += 1;
    else if (changed) updated += 1;
    else unchanged += 1;
    papers.push({
      record,
      changed,
      newIds: ids,
      isNew: !existing,
      replaces: existing && existing.id !== id ? existing.id : null,
    });
  }
  // Papers the library already has become a newly followed author's when their author lists name them.
  const newIds = new Set(newcomers(authors).map((a) => a.id));
  for (const existing of stored.byFamily) {
    if (seen.has(existing.id)) continue;
    const ids = matcher
      .match(existing.authors)
      .ids.filter((id) => newIds.has(id) && !existing.followedAuthorIds.includes(id));
    if (!ids.length) continue;
    seen.add(existing.id);
    const record = { ...existing, followedAuthorIds: [...existing.followedAuthorIds, ...ids] };
    updated += 1;
    papers.push({ record, changed: true, newIds: ids, isNew: false });
  }
  // A profile's papers found by title become its author's too.
  for (const existing of followedId ? stored.byTitle : []) {
    if (seen.has(existing.id) || !followedId) continue;
    seen.add(existing.id);
    const record = { ...existing, followedAuthorIds: [...new Set([...existing.followedAuthorIds, followedId])] };
    const changed = paperChanged(existing, record);
    if (changed) updated += 1;
    else unchanged += 1;
    papers.push({ record, changed, newIds: [followedId], isNew: false });
  }
  return { papers, added, updated, unchanged, ambiguous };
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
  const pending: Promise<unknown>[] = [];
  for (const write of writes) {
    if (failure) break;
    try {
      pending.push(write().catch(fail));
    } catch (error) {
      fail(error);
    }
  }
  await Promise.all(pending);
  if (failure) throw (failure as { error: unknown }).error;
  await tx.done;
}
