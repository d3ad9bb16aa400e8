import { describe, expect, it } from 'vitest';
import { AUTHOR_NODE_ID, coauthorNetwork } from '../../../lib/insights/coauthor-network';
import { type Box, boxesOverlap, labelWidth, layoutNetwork, nodeRadius } from '../../../lib/insights/network-layout';
import { corpus, libraryPapers } from '../../helpers/db';

const network = coauthorNetwork(libraryPapers, corpus.coauthors, corpus.author.name);
const layout = layoutNetwork(network);
const nameOf = new Map(network.nodes.map((node) => [node.id, node.name]));

const inside = (inner: Box, outer: Box): boolean =>
  inner.x0 >= outer.x0 && inner.y0 >= outer.y0 && inner.x1 <= outer.x1 && inner.y1 <= outer.y1;

describe('layoutNetwork', () => {
  it('places every node once, the author at the centre', () => {
    expect(layout.nodes.map((node) => node.id)).toEqual(network.nodes.map((node) => node.id));
    expect(layout.nodes[0]).toMatchObject({ id: AUTHOR_NODE_ID, x: 0, y: 0 });
  });

  it('gives each node a box that holds its circle and its whole name', () => {
    for (const node of layout.nodes) {
      expect(node.box.x1 - node.box.x0).toBeGreaterThanOrEqual(labelWidth(nameOf.get(node.id) ?? '') - 1e-9);
      expect(node.box.y0).toBeLessThanOrEqual(node.y - node.r);
      expect(node.box.y1).toBeGreaterThanOrEqual(node.labelY + 2);
    }
  });

  it('lets no two names, circles or cluster titles overlap', () => {
    const boxes = [
      ...layout.nodes.map((node) => ({ what: nameOf.get(node.id), box: node.box })),
      ...layout.clusters.map((cluster) => ({ what: `cluster ${cluster.index}`, box: cluster.labelBox })),
    ];
    const overlapping = boxes.flatMap((a, i) =>
      boxes.slice(i + 1).flatMap((b) => (boxesOverlap(a.box, b.box) ? [`${a.what} × ${b.what}`] : [])),
    );
    expect(overlapping).toEqual([]);
  });

  it('keeps the clusters apart and every member inside its cluster, all within the view box', () => {
    const [moe, mistral] = layout.clusters;
    expect(boxesOverlap(moe!.box, mistral!.box)).toBe(false);
    // The largest cluster sits left of the author, the next one right of it.
    expect(moe!.box.x1).toBeLessThan(mistral!.box.x0);
    for (const cluster of network.clusters) {
      const box = layout.clusters[cluster.index]!.box;
      for (const name of cluster.members) expect(inside(layout.nodes.find((n) => n.id === name)!.box, box)).toBe(true);
    }
    for (const node of layout.nodes) expect(inside(node.box, layout.viewBox)).toBe(true);
  });

  it('is deterministic', () => {
    expect(layoutNetwork(network)).toEqual(layout);
  });

  it('sizes circles by shared papers', () => {
    const radius = (name: string) => layout.nodes.find((node) => node.id === name)!.r;
    expect(radius('Maciej Pióro')).toBeGreaterThan(radius('Andy Lo'));
    expect(radius('Andy Lo')).toBeGreaterThan(radius('Mateusz Boruń'));
  });
});

describe('boxesOverlap', () => {
  it.each([
    [{ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 5, y0: 5, x1: 15, y1: 15 }, true],
    [{ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 10, y0: 0, x1: 20, y1: 10 }, false],
    [{ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 2, y0: 12, x1: 8, y1: 20 }, false],
  ])('%j and %j → %s', (a, b, expected) => {
    expect(boxesOverlap(a, b)).toBe(expected);
  });
});

describe('nodeRadius', () => {
  it('grows with the papers shared, up to a cap that keeps a prolific coauthor from filling the picture', () => {
    expect(nodeRadius(1, false)).toBe(9);
    expect(nodeRadius(7, false)).toBe(14);
    expect(nodeRadius(400, false)).toBe(30);
    expect(nodeRadius(400, true)).toBe(20);
  });
});
