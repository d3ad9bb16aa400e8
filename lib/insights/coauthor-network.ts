// The coauthor network: the author and coauthors as nodes, shared papers as edges, collaboration clusters named.
import type { Coauthor, Paper } from '../corpus/schema';
import { tokenize } from './text-vectors';

/** The author's node id; a coauthor's node id is their name. */
export const AUTHOR_NODE_ID = 'author';

export interface NetworkNode {
  /** `author` for the author; the coauthor's name otherwise. */
  id: string;
  name: string;
  /** Papers shared with the author (the author's own node: all corpus papers). */
  weight: number;
  /** Index into `clusters`; null for the author. */
  cluster: number | null;
}

export interface NetworkEdge {
  source: string;
  target: string;
  /** Papers the two wrote together. */
  weight: number;
}

export interface Cluster {
  index: number;
  /** A group author on its papers (`Mistral-AI`), else its most telling keyword (`MoE`). */
  name: string;
  /** The three words most frequent in its papers' titles and abstracts and absent from every other paper. */
  keywords: string[];
  /** Coauthor names, most shared papers first (then by name). */
  members: string[];
  /** Its papers, oldest first. */
  paperIds: string[];
}

export interface CoauthorNetwork {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  clusters: Cluster[];
}

const byName = (a: string, b: string): number => a.localeCompare(b, 'en');

/**
 * The coauthor network: the author, each coauthor weighted by the papers they
 * share, an author–coauthor edge per coauthor and a coauthor–coauthor edge per
 * pair who wrote a paper together.
 *
 * Clusters are the connected components of coauthors linked by shared papers,
 * the author left out (everyone is linked through the author). Names that are
 * on papers but are neither the author nor a coauthor are groups (the corpus
 * build leaves them out of the coauthors, e.g. "Mistral-AI"): they never become
 * nodes, but a cluster whose papers list one is named after it.
 */
export function coauthorNetwork(
  papers: readonly Paper[],
  coauthors: readonly Coauthor[],
  authorName: string,
): CoauthorNetwork {
  const people = new Set(coauthors.map((coauthor) => coauthor.name));
  const parent = new Map([...people].map((name) => [name, name]));
  const find = (name: string): string => {
    let root = name;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(name, root);
    return root;
  };
  const pairs = new Map<string, NetworkEdge>();
  for (const paper of papers) {
    const onPaper = [...new Set(paper.authors)].filter((name) => people.has(name)).sort(byName);
    onPaper.forEach((a, i) => {
      for (const b of onPaper.slice(i + 1)) {
        const key = `${a}\u0000${b}`;
        const edge = pairs.get(key) ?? { source: a, target: b, weight: 0 };
        edge.weight += 1;
        pairs.set(key, edge);
        const [ra, rb] = [find(a), find(b)].sort(byName);
        if (ra && rb && ra !== rb) parent.set(rb, ra);
      }
    });
  }

  const weightOf = new Map(coauthors.map((coauthor) => [coauthor.name, coauthor.count]));
  const groups = new Map<string, string[]>();
  for (const name of people) groups.set(find(name), [...(groups.get(find(name)) ?? []), name]);
  const components = [...groups.values()].map((members) =>
    members.sort((a, b) => (weightOf.get(b) ?? 0) - (weightOf.get(a) ?? 0) || byName(a, b)),
  );
  const papersOf = (members: readonly string[]): Paper[] => {
    const set = new Set(members);
    return papers
      .filter((paper) => paper.authors.some((name) => set.has(name)))
      .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  };
  const sharedTotal = (members: readonly string[]): number =>
    members.reduce((sum, name) => sum + (weightOf.get(name) ?? 0), 0);
  // Each group with its own papers (computed once), biggest first, then the one that started earlier.
  const grouped = components
    .map((members) => ({ members, own: papersOf(members), shared: sharedTotal(members) }))
    .sort((a, b) => b.shared - a.shared || (a.own[0]?.date ?? '').localeCompare(b.own[0]?.date ?? ''));

  const clusters = grouped.map(({ members, own }, index): Cluster => {
    const ownIds = new Set(own.map((paper) => paper.id));
    const others = papers.filter((paper) => !ownIds.has(paper.id));
    const keywords = distinctiveWords(own, others);
    const group = own.flatMap((paper) => paper.authors).find((name) => name !== authorName && !people.has(name));
    return {
      index,
      name: group ?? originalCase(keywords[0] ?? members[0] ?? '', own),
      keywords,
      members,
      paperIds: own.map((paper) => paper.id),
    };
  });
  const clusterOf = new Map(clusters.flatMap((cluster) => cluster.members.map((name) => [name, cluster.index])));

  const nodes: NetworkNode[] = [
    { id: AUTHOR_NODE_ID, name: authorName, weight: papers.length, cluster: null },
    ...coauthors.map((coauthor) => ({
      id: coauthor.name,
      name: coauthor.name,
      weight: coauthor.count,
      cluster: clusterOf.get(coauthor.name) ?? null,
    })),
  ];
  const edges: NetworkEdge[] = [
    ...coauthors.map((coauthor) => ({ source: AUTHOR_NODE_ID, target: coauthor.name, weight: coauthor.count })),
    ...[...pairs.values()].sort((a, b) => byName(a.source, b.source) || byName(a.target, b.target)),
  ];
  return { nodes, edges, clusters };
}

/** Words in `own` papers' titles and abstracts that no other paper uses, most frequent first (then A–Z). */
function distinctiveWords(own: readonly Paper[], others: readonly Paper[], count = 3): string[] {
  const elsewhere = new Set(others.flatMap((paper) => tokenize(`${paper.title} ${paper.abstract}`)));
  const frequency = new Map<string, number>();
  for (const paper of own) {
    for (const word of tokenize(`${paper.title} ${paper.abstract}`)) {
      if (!elsewhere.has(word)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    }
  }
  return [...frequency]
    .sort((a, b) => b[1] - a[1] || byName(a[0], b[0]))
    .slice(0, count)
    .map(([word]) => word);
}

/** A folded keyword (`moe`) as the papers spell it (`MoE`). */
function originalCase(word: string, papers: readonly Paper[]): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
  for (const paper of papers) {
    const match = `${paper.displayTitle} ${paper.abstract}`.match(pattern);
    if (match) return match[0];
  }
  return word;
}
