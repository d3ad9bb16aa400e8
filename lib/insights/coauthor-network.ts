// The coauthor network: the author and coauthors as nodes, shared papers as edges, collaboration clusters named.
import type { Coauthor } from '../corpus/schema';
import type { LibraryPaper } from '../library/schema';
import { nameKey } from '../names';
import { tokenize } from './text-vectors';

/** What the network reads of a paper: its authors, and its words for naming clusters. */
export type NetworkPaper = Pick<LibraryPaper, 'id' | 'date' | 'authors' | 'title' | 'displayTitle' | 'abstract'>;

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
  /** How many of the author's papers its members are on. */
  papers: number;
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
const oldestFirst = (a: NetworkPaper, b: NetworkPaper): number =>
  a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

/** Coauthors linked by shared papers, the papers any of them is on (oldest first) and their shared papers summed. */
interface Group {
  members: string[];
  own: NetworkPaper[];
  shared: number;
}

/**
 * The coauthor network: the author, each coauthor weighted by the papers they
 * share, an author–coauthor edge per coauthor and a coauthor–coauthor edge per
 * pair who wrote a paper together. Only the `limit` coauthors who share most
 * papers are drawn (more names than a few dozen cannot be read).
 *
 * Clusters are the connected components of coauthors linked by shared papers,
 * the author left out (everyone is linked through the author). Names that are
 * on papers, are neither the author nor a coauthor and have no given name are
 * groups (the library leaves them out of the coauthors, e.g. "Mistral-AI"):
 * they never become nodes, but a cluster whose papers list one is named after it.
 */
export function coauthorNetwork(
  papers: readonly NetworkPaper[],
  coauthors: readonly Pick<Coauthor, 'name' | 'count'>[],
  authorName: string,
  limit = Number.POSITIVE_INFINITY,
): CoauthorNetwork {
  const known = new Set(coauthors.map((coauthor) => coauthor.name));
  const drawn = [...coauthors].sort((a, b) => b.count - a.count || byName(a.name, b.name)).slice(0, limit);
  const people = new Set(drawn.map((coauthor) => coauthor.name));
  const weightOf = new Map(drawn.map((coauthor) => [coauthor.name, coauthor.count]));
  const pairs = pairEdges(papers, people);
  const words = vocabulary(papers);
  const isGroup = (name: string): boolean => name !== authorName && !known.has(name) && !nameKey(name)?.given.length;
  const clusters = largestFirst(connectedGroups(people, pairs, weightOf), papers, weightOf).map((group, index) =>
    namedCluster(group, index, words, isGroup),
  );
  const clusterOf = new Map(clusters.flatMap((cluster) => cluster.members.map((name) => [name, cluster.index])));

  const nodes: NetworkNode[] = [
    { id: AUTHOR_NODE_ID, name: authorName, weight: papers.length, cluster: null },
    ...drawn.map((coauthor) => ({
      id: coauthor.name,
      name: coauthor.name,
      weight: coauthor.count,
      cluster: clusterOf.get(coauthor.name) ?? null,
    })),
  ];
  const edges: NetworkEdge[] = [
    ...drawn.map((coauthor) => ({ source: AUTHOR_NODE_ID, target: coauthor.name, weight: coauthor.count })),
    ...pairs,
  ];
  return { nodes, edges, clusters };
}

/** An edge per pair of `people` who share a paper, weighted by their papers together, ordered by the two names. */
function pairEdges(papers: readonly NetworkPaper[], people: ReadonlySet<string>): NetworkEdge[] {
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
  papers: readonly NetworkPaper[],
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

/** Each paper's title-and-abstract words, and how many papers use each word: tokenized once for every cluster. */
interface Vocabulary {
  words: ReadonlyMap<string, readonly string[]>;
  papersWith: ReadonlyMap<string, number>;
}

function vocabulary(papers: readonly NetworkPaper[]): Vocabulary {
  const words = new Map(papers.map((paper) => [paper.id, tokenize(`${paper.title} ${paper.abstract}`)]));
  const papersWith = new Map<string, number>();
  for (const list of words.values()) {
    for (const word of new Set(list)) papersWith.set(word, (papersWith.get(word) ?? 0) + 1);
  }
  return { words, papersWith };
}

/** A group as a cluster: named after a group author on its papers (`isGroupName`), else its most telling keyword. */
function namedCluster(
  { members, own }: Group,
  index: number,
  words: Vocabulary,
  isGroupName: (name: string) => boolean,
): Cluster {
  const keywords = distinctiveWords(own, words);
  const group = own.flatMap((paper) => paper.authors).find(isGroupName);
  return {
    index,
    name: group ?? originalCase(keywords[0] ?? members[0] ?? '', own),
    keywords,
    members,
    papers: own.length,
  };
}

/** Words in `own` papers' titles and abstracts that no other paper uses, most frequent first (then A–Z). */
function distinctiveWords(own: readonly NetworkPaper[], { words, papersWith }: Vocabulary, count = 3): string[] {
  const frequency = new Map<string, number>();
  const ownPapersWith = new Map<string, number>();
  for (const paper of own) {
    const list = words.get(paper.id) ?? [];
    for (const word of list) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    for (const word of new Set(list)) ownPapersWith.set(word, (ownPapersWith.get(word) ?? 0) + 1);
  }
  // A word no other paper uses is in as many of `own` as of all the papers.
  return [...frequency]
    .filter(([word]) => ownPapersWith.get(word) === papersWith.get(word))
    .sort((a, b) => b[1] - a[1] || byName(a[0], b[0]))
    .slice(0, count)
    .map(([word]) => word);
}

/** A folded keyword (`moe`) as the papers spell it (`MoE`). */
function originalCase(word: string, papers: readonly NetworkPaper[]): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
  for (const paper of papers) {
    const match = `${paper.displayTitle} ${paper.abstract}`.match(pattern);
    if (match) return match[0];
  }
  return word;
}
