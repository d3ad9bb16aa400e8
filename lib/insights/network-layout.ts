import { forceCollide, forceLink, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { AUTHOR_NODE_ID, type CoauthorNetwork } from './coauthor-network';

/**
 * A deterministic layout of the coauthor network: fixed starting positions,
 * d3-force's fixed-seed random source and a fixed number of ticks run
 * synchronously, then a separation pass, so every render (and every test)
 * gets the same picture with no two name labels overlapping.
 *
 * Only the insights page imports this module (and with it d3-force).
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PlacedNode {
  id: string;
  x: number;
  y: number;
  /** Circle radius. */
  r: number;
  /** Baseline of the name, centred on `x` below the circle. */
  labelY: number;
  /** Circle and name together: what must not overlap another node's. */
  box: Box;
}

export interface PlacedCluster {
  index: number;
  /** Around its members' boxes. */
  box: Box;
  /** Baseline of its name, left-aligned at `box.x0` above the box. */
  labelX: number;
  labelY: number;
  labelBox: Box;
}

export interface NetworkLayout {
  nodes: PlacedNode[];
  clusters: PlacedCluster[];
  /** The SVG viewBox that holds everything. */
  viewBox: Box;
}

export const LABEL_FONT_SIZE = 12;
export const CLUSTER_FONT_SIZE = 13;
const LABEL_GAP = 4;
const PADDING = 3;
const TICKS = 300;

/**
 * Width of a name in the page's sans-serif, estimated from its length: wide
 * enough for system-ui at `fontSize` (0.62 em a character, more than its
 * average), so boxes built on it hold the real text.
 */
export function labelWidth(text: string, fontSize = LABEL_FONT_SIZE): number {
  return Math.ceil([...text].length * fontSize * 0.62);
}

/** Circle radius of a node that shares `weight` papers; at most 30, so a prolific coauthor does not fill the picture. */
export function nodeRadius(weight: number, isAuthor: boolean): number {
  return isAuthor ? 20 : Math.min(30, Math.round(5 + 3.5 * Math.sqrt(weight)));
}

function nodeBox(x: number, y: number, r: number, name: string): Box {
  const half = Math.max(r, labelWidth(name) / 2);
  return { x0: x - half, y0: y - r, x1: x + half, y1: y + r + LABEL_GAP + LABEL_FONT_SIZE + 2 };
}

/** True when two boxes share any area. */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

interface SimNode extends SimulationNodeDatum {
  id: string;
  name: string;
  r: number;
  cluster: number | null;
  weight: number;
}

/**
 * Lays the network out: the author fixed at the centre, each cluster pulled
 * towards its own direction around it, frequent coauthors nearer the centre.
 */
export function layoutNetwork(network: CoauthorNetwork): NetworkLayout {
  const clusterCount = Math.max(1, network.clusters.length);
  const maxWeight = Math.max(1, ...network.nodes.filter((n) => n.id !== AUTHOR_NODE_ID).map((n) => n.weight));
  // Cluster 0 (the largest) to the left, the next to the right, then around.
  const angleOf = (cluster: number): number => Math.PI + (2 * Math.PI * cluster) / clusterCount;
  const distanceOf = (weight: number): number => 150 + 90 * (1 - weight / maxWeight);
  const seen = new Map<number, number>();

  const nodes: SimNode[] = network.nodes.map((node) => {
    const isAuthor = node.id === AUTHOR_NODE_ID;
    const r = nodeRadius(node.weight, isAuthor);
    if (isAuthor || node.cluster === null) return { ...node, r, x: 0, y: 0, fx: 0, fy: 0 };
    // Members start spread on a fan around their cluster's direction (deterministic, no randomness).
    const order = seen.get(node.cluster) ?? 0;
    seen.set(node.cluster, order + 1);
    const angle = angleOf(node.cluster) + (order % 2 === 0 ? 1 : -1) * 0.18 * Math.ceil(order / 2);
    const distance = distanceOf(node.weight) + 25 * (order % 3);
    return { ...node, r, x: Math.cos(angle) * distance, y: Math.sin(angle) * distance };
  });
  const target = (node: SimNode, axis: 'x' | 'y'): number => {
    if (node.cluster === null) return 0;
    const angle = angleOf(node.cluster);
    return (axis === 'x' ? Math.cos(angle) : Math.sin(angle)) * distanceOf(node.weight);
  };
  const links = network.edges
    .filter((edge) => edge.source !== AUTHOR_NODE_ID)
    .map((edge) => ({ source: edge.source, target: edge.target, weight: edge.weight }));

  const simulation = forceSimulation(nodes)
    .force(
      'link',
      forceLink<SimNode, (typeof links)[number]>(links)
        .id((node) => node.id)
        .distance(90)
        .strength((link) => 0.02 * link.weight),
    )
    .force('x', forceX<SimNode>((node) => target(node, 'x')).strength(0.12))
    .force('y', forceY<SimNode>((node) => target(node, 'y')).strength(0.12))
    .force(
      'collide',
      forceCollide<SimNode>((node) => Math.max(node.r, labelWidth(node.name) / 2) * 0.8 + PADDING).iterations(2),
    )
    .stop();
  simulation.tick(TICKS);

  separate(nodes);

  const placed: PlacedNode[] = nodes.map((node) => ({
    id: node.id,
    x: round(node.x ?? 0),
    y: round(node.y ?? 0),
    r: node.r,
    labelY: round((node.y ?? 0) + node.r + LABEL_GAP + LABEL_FONT_SIZE - 2),
    box: nodeBox(round(node.x ?? 0), round(node.y ?? 0), node.r, node.name),
  }));
  const placedById = new Map(placed.map((node) => [node.id, node]));
  const clusters: PlacedCluster[] = network.clusters.map((cluster) => {
    const boxes = cluster.members.flatMap((name) => {
      const node = placedById.get(name);
      return node ? [node.box] : [];
    });
    const box = pad(union(boxes), 8);
    const labelBox = {
      x0: box.x0,
      y0: box.y0 - CLUSTER_FONT_SIZE - 8,
      x1: box.x0 + labelWidth(cluster.name, CLUSTER_FONT_SIZE),
      y1: box.y0 - 2,
    };
    return { index: cluster.index, box, labelX: box.x0, labelY: box.y0 - 6, labelBox };
  });
  const viewBox = pad(
    union([...placed.map((node) => node.box), ...clusters.map((c) => c.box), ...clusters.map((c) => c.labelBox)]),
    12,
  );
  return { nodes: placed, clusters, viewBox };
}

/**
 * Pushes overlapping boxes apart along the axis where they overlap least,
 * until none overlap. forceCollide works on circles; names are wide boxes.
 */
function separate(nodes: SimNode[]): void {
  const boxOf = (node: SimNode): Box => pad(nodeBox(node.x ?? 0, node.y ?? 0, node.r, node.name), PADDING / 2);
  for (let round = 0; round < 500; round++) {
    let moved = false;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i] as SimNode;
        const b = nodes[j] as SimNode;
        const ba = boxOf(a);
        const bb = boxOf(b);
        if (!boxesOverlap(ba, bb)) continue;
        moved = true;
        const dx = Math.min(ba.x1, bb.x1) - Math.max(ba.x0, bb.x0);
        const dy = Math.min(ba.y1, bb.y1) - Math.max(ba.y0, bb.y0);
        const horizontal = dx < dy;
        const amount = (horizontal ? dx : dy) + 0.5;
        const direction = horizontal
          ? Math.sign((b.x ?? 0) - (a.x ?? 0)) || 1
          : Math.sign((b.y ?? 0) - (a.y ?? 0)) || 1;
        // A fixed node (the author) stays put; the other one moves the whole way.
        const shareA = a.fx != null ? 0 : b.fx != null ? 1 : 0.5;
        const shareB = 1 - shareA;
        if (horizontal) {
          a.x = (a.x ?? 0) - direction * amount * shareA;
          b.x = (b.x ?? 0) + direction * amount * shareB;
        } else {
          a.y = (a.y ?? 0) - direction * amount * shareA;
          b.y = (b.y ?? 0) + direction * amount * shareB;
        }
      }
    }
    if (!moved) return;
  }
}

function union(boxes: readonly Box[]): Box {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

function pad(box: Box, by: number): Box {
  return { x0: box.x0 - by, y0: box.y0 - by, x1: box.x1 + by, y1: box.y1 + by };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
