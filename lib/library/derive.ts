import type { Coauthor } from '../corpus/schema';
import { coauthorChunks, type PaperlensDatabase } from '../db';
import { nameKey } from '../names';
import { derivedPart, sameDerived, storedDerived, withDerived } from './derived-store';
import { createAuthorMatcher } from './match';
import type { FollowedAuthor, LibraryPaper, PaperCoauthor } from './schema';
import { authorCoauthors } from './seed';

/**
 * Derived data, worked out in the background after each change to the
 * library: coauthors per followed author (only for the authors a change
 * touched) and the counts their papers carry; novelty and related papers are
 * derive-texts.ts's. Until `derivedRevision` catches up with
 * `libraryRevision`, pages say the figures are being worked out.
 */

/** The coauthors of one followed author over their library papers: never themselves, never a group. */
export function coauthorsOf(author: FollowedAuthor, papers: AuthorPapers): Coauthor[] {
  const self = createAuthorMatcher([author]);
  // Names recur across an author's papers: each is judged once.
  const judged = new Map<string, boolean>();
  const isCoauthor = (name: string) => {
    let yes = judged.get(name);
    if (yes === undefined) {
      // A group ("Mistral-AI") has no given name: it is not a person.
      yes = Boolean(nameKey(name)?.given.length) && self.match([name]).ids.length === 0;
      judged.set(name, yes);
    }
    return yes;
  };
  const shared = new Map<string, AuthorPapers>();
  for (const paper of papers) {
    for (const name of new Set(paper.authors)) {
      if (!isCoauthor(name)) continue;
      const list = shared.get(name);
      if (list) list.push(paper);
      else shared.set(name, [paper]);
    }
  }
  return [...shared]
    .map(([name, list]) => ({
      name,
      paperIds: [...list].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)).map((p) => p.id),
      count: list.length,
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'));
}

/** Papers each coauthor shares with a followed author: by `authorId`, then name. */
export type SharedCounts = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * A paper's coauthors as its badge and card show them, for the followed
 * authors `counts` covers; entries for its other followed authors stay as
 * they were (their coauthors did not change).
 */
export function paperCoauthors(
  paper: Pick<LibraryPaper, 'authors' | 'followedAuthorIds' | 'coauthors'>,
  counts: SharedCounts,
): PaperCoauthor[] {
  return paper.followedAuthorIds.flatMap((authorId) => {
    const shared = counts.get(authorId);
    if (!shared) return (paper.coauthors ?? []).filter((coauthor) => coauthor.authorId === authorId);
    return paper.authors.flatMap((name) => {
      const sharedPapers = shared.get(name);
      return sharedPapers === undefined ? [] : [{ name, sharedPapers, authorId }];
    });
  });
}

/** Followed authors worked out per transaction: their papers are held in memory meanwhile. */
const AUTHORS_AT_ONCE = 25;

/** What a coauthor pass changed: the counts of the authors it covered, and the papers that carry them, by id. */
export interface CoauthorChange {
  counts: Map<string, Map<string, number>>;
  papers: Map<string, CoauthoredPaper>;
}

/** A paper as far as working out coauthors and its counts needs it. */
export type CoauthoredPaper = Pick<LibraryPaper, 'id' | 'date' | 'authors' | 'followedAuthorIds'>;

/** The papers of one followed author. */
export type AuthorPapers = CoauthoredPaper[];

/**
 * Rewrites the coauthor record of each given followed author that changed, from
 * their papers (given, or read by index a few authors at a time), and returns the counts
 * their papers are to carry; their derived records are written by the caller's
 * one write pass (derive-texts.ts).
 */
export async function coauthorRecords(
  db: PaperlensDatabase,
  authorIds: readonly string[],
  papersOf?: ReadonlyMap<string, AuthorPapers>,
): Promise<CoauthorChange> {
  const change: CoauthorChange = { counts: new Map(), papers: new Map() };
  for (let i = 0; i < authorIds.length; i += AUTHORS_AT_ONCE) {
    await someCoauthorRecords(db, authorIds.slice(i, i + AUTHORS_AT_ONCE), change, papersOf);
  }
  return change;
}

async function someCoauthorRecords(
  db: PaperlensDatabase,
  authorIds: readonly string[],
  change: CoauthorChange,
  papersOf?: ReadonlyMap<string, AuthorPapers>,
): Promise<void> {
  const tx = db.transaction(['papers', 'authors', 'coauthors'], 'readwrite');
  const coauthors = tx.objectStore('coauthors');
  await Promise.all(
    authorIds.map(async (id) => {
      const [author, papers, stored] = await Promise.all([
        tx.objectStore('authors').get(id),
        papersOf ? (papersOf.get(id) ?? []) : tx.objectStore('papers').index('by-followed').getAll(id),
        coauthors.getAll(coauthorChunks(id)),
      ]);
      if (!author) {
        if (stored.length) await coauthors.delete(coauthorChunks(id));
        return;
      }
      const list = coauthorsOf(author, papers);
      change.counts.set(id, new Map(list.map((c) => [c.name, c.count])));
      for (const paper of papers) change.papers.set(paper.id, paper);
      const next = authorCoauthors(id, list);
      // Most of an author's coauthors are the same after a change (all are after a worker restart's full pass).
      const writes: Promise<unknown>[] = next.flatMap((chunk, i) =>
        JSON.stringify(chunk) === JSON.stringify(stored[i]) ? [] : [coauthors.put(chunk)],
      );
      if (stored.length > next.length) writes.push(coauthors.delete(coauthorChunks(id, next.length)));
      await Promise.all(writes);
    }),
  );
  await tx.done;
}

/**
 * Rewrites the coauthors of the given followed authors and the shared counts
 * their papers carry for pages (the two passes the background runs as one;
 * kept whole for callers that want only coauthors).
 */
export async function recomputeCoauthors(db: PaperlensDatabase, authorIds: readonly string[]): Promise<void> {
  const change = await coauthorRecords(db, authorIds);
  const tx = db.transaction(['papers', 'derived'], 'readwrite');
  const derived = tx.objectStore('derived');
  await Promise.all(
    [...change.papers.keys()].map(async (id) => {
      const [paper, before] = await Promise.all([tx.objectStore('papers').get(id), derived.get(id)]);
      if (!paper) return;
      const current = withDerived(paper, before);
      const next = storedDerived(
        { ...derivedPart(current), coauthors: paperCoauthors(current, change.counts) },
        paper.authors,
      );
      if (!sameDerived(before, next)) await derived.put(next);
    }),
  );
  await tx.done;
}

/** Derived figures with the titles of the papers they name, so a page's lookup reads no other record. */
export function withTitles(
  derived: Pick<LibraryPaper, 'novelty' | 'related'>,
  titles: ReadonlyMap<string, string>,
): Pick<LibraryPaper, 'novelty' | 'related'> {
  const closest = derived.novelty?.closestEarlierId;
  const closestTitle = closest ? titles.get(closest) : undefined;
  return {
    novelty: derived.novelty && { ...derived.novelty, ...(closestTitle ? { closestEarlierTitle: closestTitle } : {}) },
    related: derived.related.map((r) => ({ ...r, ...(titles.has(r.id) ? { title: titles.get(r.id) } : {}) })),
  };
}
