import { AUTHOR_NODE_ID, type CoauthorNetwork, clusterTitle } from '../../lib/insights/coauthor-network';
import { CLUSTER_FONT_SIZE, type NetworkLayout } from '../../lib/insights/network-layout';

interface Props {
  network: CoauthorNetwork;
  layout: NetworkLayout;
}

/** What the network's nodes are drawn over: a titled box per cluster and a line per edge, thicker for more papers. */
export function NetworkBackdrop({ network, layout }: Props) {
  const placed = new Map(layout.nodes.map((node) => [node.id, node]));
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; cluster names and sizes are listed below the chart.
    <g class="backdrop" aria-hidden="true">
      {layout.clusters.map((cluster) => (
        <g key={cluster.index} class="cluster">
          <rect
            x={cluster.box.x0}
            y={cluster.box.y0}
            width={cluster.box.x1 - cluster.box.x0}
            height={cluster.box.y1 - cluster.box.y0}
            rx={12}
          />
          <text x={cluster.labelX} y={cluster.labelY} font-size={CLUSTER_FONT_SIZE}>
            {clusterTitle(network, cluster.index)}
          </text>
        </g>
      ))}
      {network.edges.map((edge) => {
        const a = placed.get(edge.source);
        const b = placed.get(edge.target);
        if (!a || !b) return null;
        return (
          <line
            key={`${edge.source}|${edge.target}`}
            class={edge.source === AUTHOR_NODE_ID ? 'edge edge-author' : 'edge'}
            x1={a.x}
            y1={a.y}
            x2={b.x}
            y2={b.y}
            // Capped: an author's hundreds of papers with one coauthor would be a band, not a line.
            stroke-width={Math.min(6, 0.5 + 0.4 * edge.weight)}
            data-mark="edge"
          />
        );
      })}
    </g>
  );
}
