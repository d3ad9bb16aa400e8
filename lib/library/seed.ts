import type { Coauthor, Corpus, Paper } from '../corpus/schema';
import {
  type AuthorCoauthors,
  coauthorChunks,
  getMeta,
  type LibraryCoauthor,
  type PaperlensDatabase,
  type WriteStore,
} from '../db';
import { normalizeText } from '../text/normalize';
import { paperCoauthors, type SharedCounts, withTitles } from './derive';
import { derivedRecord } from './derived-store';
import { slugForAuthor } from './match';
import { familiesOf } from './paper';
import { AUTHOR_COLORS, type FollowedAuthor, type LibraryPaper } from './schema';

export interface SeedResult {
  seeded: boolean;
  papers: number;
}

/**
 * Puts the bundled corpus into the library when its hash differs from the one
 * stored: its author is followed (their name, colour and variants as the user
 * left them), its papers join the library (papers other sources brought stay),
 * papers an earlier bundle had and this one has not lose their "bundled"
 * source. All in one transaction, so a failure leaves the library whole. The
 * reading list is never touched; a user who unfollowed the author keeps it so.
 */
export async function seedCorpus(db: PaperlensDatabase, corpus: Corpus, now = new Date()): Promise<SeedResult> {
  const tx = db.transaction(['papers', 'derived', 'authors', 'coauthors', 'meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  const [hash, unfollowed, previousIds, revision] = await Promise.all([
    getMeta(meta, 'corpusHash'),
    getMeta(meta, 'bundleUnfollowed'),
    getMeta(meta, 'bundledIds'),
    getMeta(meta, 'libraryRevision'),
  ]);
  if (hash === corpus.hash) {
    await tx.done;
    return { seeded: false, papers: corpus.papers.length };
  }
  const at = now.toISOString();
  if (!unfollowed) {
    const author = await putBundledAuthor(tx.objectStore('authors'), corpus, at);
    await putBundledPapers(
      { papers: tx.objectStore('papers'), derived: tx.objectStore('derived') },
      corpus.papers,
      bundleOf(corpus, author.id),
      { previousIds: previousIds ?? [], at },
    );
    const coauthors = tx.objectStore('coauthors');
    await coauthors.delete(coauthorChunks(author.id));
    await Promise.all(authorCoauthors(author.id, corpus.coauthors).map((chunk) => coauthors.put(chunk)));
  }
  const next = (revision ?? 0) + 1;
  // The bundle's novelty and related papers hold for a library of just its papers.
  const onlyBundled = (await tx.objectStore('papers').count()) === (unfollowed ? 0 : corpus.papers.length);
  await Promise.all([
    meta.put({ key: 'corpusHash', value: corpus.hash }),
    meta.put({ key: 'bundledIds', value: corpus.papers.map((paper) => paper.id) }),
    meta.put({ key: 'corpusSeededAt', value: at }),
    meta.put({ key: 'libraryRevision', value: next }),
    ...(onlyBundled ? [meta.put({ key: 'derivedRevision', value: next })] : []),
  ]);
  await tx.done;
  return { seeded: true, papers: corpus.papers.length };
}

/** Serialized bytes a chunk of coauthors stays under (Chromium keeps a value over 64 KB as a blob). */
const CHUNK_BYTES = 32_000;

/** A followed author's coauthors as the library keeps them: a few chunks, most shared first. */
export function authorCoauthors(authorId: string, coauthors: readonly Coauthor[]): AuthorCoauthors[] {
  const chunks: Coauthor[][] = [[]];
  let bytes = 0;
  for (const coauthor of coauthors) {
    const size = JSON.stringify(coauthor).length;
    if (bytes + size > CHUNK_BYTES && chunks.at(-1)?.length) {
      chunks.push([]);
      bytes = 0;
    }
    chunks.at(-1)?.push(coauthor);
    bytes += size;
  }
  return chunks.map((entries, chunk) => ({ authorId, chunk, coauthors: entries }));
}

/** One record's coauthors, each with the followed author they share papers with. */
export const coauthorEntries = (record: AuthorCoauthors): LibraryCoauthor[] =>
  record.coauthors.map((coauthor) => ({ ...coauthor, authorId: record.authorId }));

/** The bundled author as a followed author: the profile's figures, with the user's own name, variants and colour. */
async function putBundledAuthor(authors: WriteStore<'authors'>, corpus: Corpus, at: string): Promise<FollowedAuthor> {
  const all = await authors.getAll();
  const folded = normalizeText(corpus.author.name);
  const same =
    all.find((author) => author.sources.some((source) => source.kind === 'bundled')) ??
    all.find((author) => normalizeText(author.name) === folded);
  const source = { kind: 'bundled' as const, name: 'Paperlens', at };
  const profile = {
    hIndex: corpus.author.hIndex,
    citations: corpus.author.citations,
    novelty: corpus.author.novelty,
    aiScore: corpus.author.aiScore,
    papers: corpus.author.papers,
    primaryCategory: corpus.author.primaryCategory,
    source: { kind: 'bundled' as const, name: 'ScholarFeed profile', at },
  };
  const author: FollowedAuthor = same
    ? { ...same, profile, sources: [source, ...same.sources.filter((s) => s.kind !== 'bundled')] }
    : {
        id: slugForAuthor(corpus.author.name, new Set(all.map((a) => a.id))),
        name: corpus.author.name,
        variants: [],
        notVariants: [],
        arxivQuery: null,
        orcid: null,
        scholarFeedId: null,
        color: AUTHOR_COLORS[all.length % AUTHOR_COLORS.length] ?? '#1f5fbf',
        sources: [source],
        refreshedAt: null,
        followedAt: at,
        profile,
      };
  await authors.put(author);
  return author;
}

/** What a bundled paper's record needs besides itself: its followed author, their coauthors' counts, the titles. */
export interface Bundle {
  authorId: string;
  counts: SharedCounts;
  titles: ReadonlyMap<string, string>;
}

export function bundleOf(corpus: Corpus, authorId: string): Bundle {
  return {
    authorId,
    counts: new Map([[authorId, new Map(corpus.coauthors.map((c) => [c.name, c.count]))]]),
    titles: new Map(corpus.papers.map((paper) => [paper.id, paper.displayTitle])),
  };
}

/** The bundle's papers, merged with what the library already knows of them; papers it dropped lose its source. */
async function putBundledPapers(
  { papers, derived }: { papers: WriteStore<'papers'>; derived: WriteStore<'derived'> },
  bundled: readonly Paper[],
  bundle: Bundle,
  { previousIds, at }: { previousIds: readonly string[]; at: string },
): Promise<void> {
  const ids = new Set(bundled.map((paper) => paper.id));
  const existing = await Promise.all(bundled.map((paper) => papers.get(paper.id)));
  const records = bundled.map((paper, i) => fromBundle(paper, existing[i], bundle, at));
  // Its derived record too: it is what pages read (derived-store.ts), and the bundle's figures are current.
  await Promise.all(records.flatMap((record) => [papers.put(record), derived.put(derivedRecord(record))]));
  const dropped = previousIds.filter((id) => !ids.has(id));
  const stale = await Promise.all(dropped.map((id) => papers.get(id)));
  await Promise.all(
    stale.map((paper) => {
      if (!paper) return undefined;
      const sources = paper.sources.filter((kind) => kind !== 'bundled');
      return sources.length
        ? papers.put({ ...paper, sources })
        : Promise.all([papers.delete(paper.id), derived.delete(paper.id)]);
    }),
  );
}

/**
 * A bundled paper as a library paper, with the derived figures pages read (the bundle's
 * coauthor counts, the titles its novelty and related papers name); what other sources
 * added (their authors, DOI, version) stays.
 */
export function fromBundle(paper: Paper, existing: LibraryPaper | undefined, bundle: Bundle, at: string): LibraryPaper {
  const record: LibraryPaper = {
    ...paper,
    version: existing?.version ?? null,
    doi: existing?.doi ?? null,
    followedAuthorIds: [...new Set([...(existing?.followedAuthorIds ?? []), bundle.authorId])],
    authorFamilies: familiesOf(paper.authors),
    sources: [...new Set([...(existing?.sources ?? []), 'bundled' as const])],
    addedAt: existing?.addedAt ?? at,
    ...(existing?.coauthors ? { coauthors: existing.coauthors } : {}),
  };
  return { ...record, ...withTitles(record, bundle.titles), coauthors: paperCoauthors(record, bundle.counts) };
}
