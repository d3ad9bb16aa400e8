// The coauthor network: the author and coauthors as nodes, shared papers as edges, collaboration clusters named.
import type { Coauthor } from '../corpus/schema';
import type { LibraryPaper as Paper } from '../library/schema';
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

/** What the page calls a cluster ("MoE group"); empty for no cluster (the author's). */
export function clusterTitle(network: CoauthorNetwork, index: number | null): string {
  return index === null ? '' : `${network.clusters[index]?.name ?? ''} group`;
}

const byName = (a: string, b: string): number => a.localeCompare(b, 'en');
const oldestFirst = (a: Paper, b: Paper): number => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

/** Coauthors linked by shared papers, the papers any of them is on (oldest first) and their shared papers summed. */
interface Group {
  members: string[];
  own: Paper[];
  shared: number;
}

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
  const weightOf = new Map(coauthors.map((coauthor) => [coauthor.name, coauthor.count]));
  const pairs = pairEdges(papers, people);
  const clusters = largestFirst(connectedGroups(people, pairs, weightOf), papers, weightOf).map((group, index) =>
    namedCluster(group, index, papers, (name) => name !== authorName && !people.has(name)),
  );
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
    ...pairs,
  ];
  return { nodes, edges, clusters };
}

/** An edge per pair of `people` who share a paper, weighted by their papers together, ordered by the two names. */
function pairEdges(papers: readonly Paper[], people: ReadonlySet<string>): NetworkEdge[] {
  const pairs = new Map<string, NetworkEdge>();
  for (const paper of papers) {
    const onPaper = [...new Set(paper.authors)].filter((name) => people.has(name)).sort(byName);
    onPaper.forEach((a, i) => {
      for (const b of onPaper.slice(i + 1)) {
        const key = `${a}\u0000${b}`;
        const edge = pairs.get(key) ?? { source: a, target: b, weight: 0 };
        edge.weight += 1;
        pairs.set(key, edge);
      }
    });
  }
  return [...pairs.values()].sort((a, b) => byName(a.source, b.source) || byName(a.target, b.target));
}

/**
 * The connected components of `people` linked by `edges` (union–find), in the
 * order their first member comes in `people`; members most shared first, then by name.
 */
function connectedGroups(
  people: ReadonlySet<string>,
  edges: readonly NetworkEdge[],
  weightOf: ReadonlyMap<string, number>,
): string[][] {
  const parent = new Map([...people].map((name) => [name, name]));
  const find = (name: string): string => {
    let root = name;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(name, root);
    return root;
  };
  for (const edge of edges) {
    const [ra, rb] = [find(edge.source), find(edge.target)].sort(byName);
    if (ra && rb && ra !== rb) parent.set(rb, ra);
  }
  const groups = new Map<string, string[]>();
  for (const name of people) groups.set(find(name), [...(groups.get(find(name)) ?? []), name]);
  return [...groups.values()].map((members) =>
    members.sort((a, b) => (weightOf.get(b) ?? 0) - (weightOf.get(a) ?? 0) || byName(a, b)),
  );
}

/** Each group with its own papers (found once), the most shared papers first, then the one that started earlier. */
function largestFirst(
  groups: readonly string[][],
  papers: readonly Paper[],
  weightOf: ReadonlyMap<string, number>,
): Group[] {
  return groups
    .map((members) => {
      const set = new Set(members);
      return {
        members,
        own: papers.filter((paper) => paper.authors.some((name) => set.has(name))).sort(oldestFirst),
        shared: members.reduce((sum, name) => sum + (weightOf.get(name) ?? 0), 0),
      };
    })
    .sort((a, b) => b.shared - a.shared || (a.own[0]?.date ?? '').localeCompare(b.own[0]?.date ?? ''));
}

/** A group as a cluster: named after a group author on its papers (`isGroupName`), else its most telling keyword. */
function namedCluster(
  { members, own }: Group,
  index: number,
  papers: readonly Paper[],
  isGroupName: (name: string) => boolean,
): Cluster {
  const ownIds = new Set(own.map((paper) => paper.id));
  const others = papers.filter((paper) => !ownIds.has(paper.id));
  const keywords = distinctiveWords(own, others);
  const group = own.flatMap((paper) => paper.authors).find(isGroupName);
  return {
    index,
    name: group ?? originalCase(keywords[0] ?? members[0] ?? '', own),
    keywords,
    members,
    paperIds: own.map((paper) => paper.id),
  };
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
