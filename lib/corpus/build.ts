import { categoryName, toArxivCategory } from '../categories';
import { buildCoauthorIndex } from '../insights/coauthors';
import { computeNovelty, computeRelated } from '../insights/novelty';
import { tfidfVectors } from '../insights/text-vectors';
import { latexToText } from '../text/latex';
import { normalizeText } from '../text/normalize';
import type { ParsedProfile } from './parse-profile';
import { type Corpus, CorpusSchema, type PaperFacts } from './schema';

/** The corpus before its content hash is added. */
export type CorpusContent = Omit<Corpus, 'hash'>;

/** A profile entry and the verified facts disagree or cannot be joined. */
export class CorpusJoinError extends Error {
  override name = 'CorpusJoinError';
}

/**
 * Joins the parsed profile with the verified facts (by normalized title) and
 * computes the insights: novelty, related papers and the coauthor index.
 *
 * Author lists: the facts' fuller list when it has more names than the
 * profile shows; a list is truncated when the facts say it is incomplete.
 */
export function buildCorpusContent(profile: ParsedProfile, facts: PaperFacts): CorpusContent {
  const factsByTitle = new Map(facts.papers.map((fact) => [normalizeText(fact.title), fact]));
  const used = new Set<string>();

  const joined = profile.entries.map((entry) => {
    const key = normalizeText(entry.title);
    const fact = factsByTitle.get(key);
    if (!fact) {
      throw new CorpusJoinError(
        `profile line ${entry.line}: no verified facts (arXiv id) for "${entry.title}"; add it to data/paper-facts.json`,
      );
    }
    used.add(key);
    const profileCategory = toArxivCategory(entry.category);
    if (profileCategory !== fact.primaryCategory) {
      throw new CorpusJoinError(
        `profile line ${entry.line}: "${entry.title}" is ${profileCategory} in the profile but ${fact.primaryCategory} in the facts`,
      );
    }
    const authors = fact.authors.length >= entry.authors.length ? fact.authors : entry.authors;
    return { entry, fact, authors };
  });
  const unused = facts.papers.filter((fact) => !used.has(normalizeText(fact.title)));
  if (unused.length) {
    throw new CorpusJoinError(`facts for papers not in the profile: ${unused.map((f) => `"${f.title}"`).join(', ')}`);
  }

  const vectors = tfidfVectors(joined.map(({ entry }) => `${entry.title}\n${entry.abstract}`));
  const dated = joined.map(({ entry, fact }, index) => ({
    id: fact.arxivId,
    date: entry.date,
    vector: vectors[index] ?? new Map(),
  }));
  const novelty = computeNovelty(dated);
  const related = computeRelated(dated);

  const papers = joined
    .map(({ entry, fact, authors }) => ({
      id: fact.arxivId,
      title: entry.title,
      displayTitle: latexToText(entry.title),
      normalizedTitle: normalizeText(entry.title),
      authors,
      authorsTruncated: !fact.authorsComplete,
      affiliation: entry.affiliation,
      date: entry.date,
      year: Number(entry.date.slice(0, 4)),
      category: entry.category,
      primaryCategory: fact.primaryCategory,
      categoryName: categoryName(fact.primaryCategory) ?? fact.primaryCategory,
      hasCode: entry.hasCode,
      codeUrl: fact.codeUrl,
      abstract: entry.abstract,
      notes: fact.notes,
      // Both maps have every id: they were built from `dated`, which has one entry per paper.
      novelty: novelty.get(fact.arxivId) ?? { score: 1, closestEarlierId: null, similarity: null },
      related: related.get(fact.arxivId) ?? [],
    }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));

  return {
    version: 1,
    author: {
      name: profile.name,
      primaryCategory: profile.primaryCategory,
      primaryCategoryName: categoryName(profile.primaryCategory) ?? profile.primaryCategory,
      hIndex: profile.hIndex,
      papers: profile.papers,
      citations: profile.citations,
      novelty: profile.novelty,
      aiScore: profile.aiScore,
    },
    papers,
    coauthors: buildCoauthorIndex(papers, facts.author, facts.groups),
  };
}

/** Adds the content hash and validates the result against {@link CorpusSchema}. */
export function finalizeCorpus(content: CorpusContent, sha256Hex: (text: string) => string): Corpus {
  const { version, ...rest } = content;
  // Key order matters for the committed JSON: version, hash, then the content.
  return CorpusSchema.parse({ version, hash: sha256Hex(JSON.stringify(content)), ...rest });
}
