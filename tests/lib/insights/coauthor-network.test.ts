import { describe, expect, it } from 'vitest';
import { AUTHOR_NODE_ID, clusterTitle, coauthorNetwork } from '../../../lib/insights/coauthor-network';
import { corpus, libraryPapers } from '../../helpers/db';

// Expected figures below were counted by hand from data/corpus.json, not produced by the code under test.
const { coauthors, author } = corpus;
const papers = libraryPapers;

describe('coauthorNetwork', () => {
  const network = coauthorNetwork(papers, coauthors, author.name);
  const edge = (a: string, b: string) =>
    network.edges.find((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a));

  it('has the author and the 28 coauthors as nodes, weighted by shared papers', () => {
    expect(network.nodes).toHaveLength(29);
    expect(network.nodes[0]).toEqual({ id: AUTHOR_NODE_ID, name: 'Jan Ludziejewski', weight: 13, cluster: null });
    expect(network.nodes.find((n) => n.name === 'Maciej Pióro')?.weight).toBe(7);
    expect(network.nodes.find((n) => n.name === 'Alexander H. Liu')?.weight).toBe(5);
    expect(network.nodes.find((n) => n.name === 'Mateusz Boruń')?.weight).toBe(1);
  });

  it('never makes the group "Mistral-AI" a node', () => {
    expect(network.nodes.map((n) => n.name)).not.toContain('Mistral-AI');
    expect(network.edges.some((e) => e.source === 'Mistral-AI' || e.target === 'Mistral-AI')).toBe(false);
  });

  it('links the author to each coauthor and each pair of coauthors who share a paper', () => {
    // 28 author edges; coauthor pairs: 93 of the 105 possible among the 15 MoE coauthors
    // (Boruń never wrote with Król, Antoniak, Odrzygóźdź, Sankowski or Miłoś; Małaśnicki and
    // Stefaniak never with Król, Antoniak or Odrzygóźdź; Miłoś never with Odrzygóźdź) and
    // 15 + 10 + 5 + 8 = 38 new pairs over the Mistral papers.
    expect(network.edges.filter((e) => e.source === AUTHOR_NODE_ID)).toHaveLength(28);
    expect(network.edges).toHaveLength(28 + 93 + 38);
    expect(edge(AUTHOR_NODE_ID, 'Jakub Krajewski')?.weight).toBe(7);
    expect(edge('Jakub Krajewski', 'Maciej Pióro')?.weight).toBe(7);
    expect(edge('Alexander H. Liu', 'Andy Lo')?.weight).toBe(3);
    expect(edge('Abhinav Rastogi', 'Albert Q. Jiang')?.weight).toBe(2);
    expect(edge('Mateusz Boruń', 'Krystian Król')).toBeUndefined();
    expect(edge('Alexander H. Liu', 'Maciej Pióro')).toBeUndefined();
  });

  it('finds the two collaboration clusters and names them', () => {
    expect(network.clusters.map((c) => [c.name, c.members.length, c.papers])).toEqual([
      ['MoE', 15, 7],
      ['Mistral-AI', 13, 6],
    ]);
    const [moe, mistral] = network.clusters;
    expect(moe?.members.slice(0, 5)).toEqual([
      'Jakub Krajewski',
      'Maciej Pióro',
      'Marek Cygan',
      'Michał Krutul',
      'Sebastian Jaszczur',
    ]);
    expect(moe?.keywords[0]).toBe('moe');
    expect(mistral?.members).toContain('Alexander H. Liu');
    expect(mistral?.papers).toBe(6);
    expect(network.nodes.find((n) => n.name === 'Andy Lo')?.cluster).toBe(1);
  });

  it('draws only the coauthors who share most papers, and takes none of the others for a group', () => {
    const top = coauthorNetwork(papers, coauthors, author.name, 10);
    expect(top.nodes.slice(1).map((n) => n.name)).toEqual(coauthors.slice(0, 10).map((c) => c.name));
    expect(top.edges.every((e) => top.nodes.some((n) => n.id === e.target))).toBe(true);
    const names = new Set(coauthors.map((c) => c.name));
    expect(top.clusters.map((c) => c.name).filter((name) => names.has(name))).toEqual([]);
    expect(coauthorNetwork(papers, coauthors, author.name, 100)).toEqual(network);
  });

  it('is the same whatever order the papers come in', () => {
    expect(coauthorNetwork([...papers].reverse(), coauthors, author.name)).toEqual(network);
  });
});

describe('clusterTitle', () => {
  const network = coauthorNetwork(papers, coauthors, author.name);

  it('calls a cluster by its name and "group", and the author (no cluster) nothing', () => {
    expect(clusterTitle(network, 0)).toBe('MoE group');
    expect(clusterTitle(network, 1)).toBe('Mistral-AI group');
    expect(clusterTitle(network, null)).toBe('');
  });
});
