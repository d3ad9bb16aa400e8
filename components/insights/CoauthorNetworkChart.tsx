import { useMemo } from 'preact/hooks';
import { plural } from '../../lib/format';
import { AUTHOR_NODE_ID, type CoauthorNetwork } from '../../lib/insights/coauthor-network';
import { CLUSTER_FONT_SIZE, LABEL_FONT_SIZE, layoutNetwork } from '../../lib/insights/network-layout';
import { ChartFigure } from './ChartFigure';
import { DataTable } from './DataTable';

/** The author at the centre, coauthors sized by shared papers and boxed by collaboration cluster. */
export function CoauthorNetworkChart({ network }: { network: CoauthorNetwork }) {
  const layout = useMemo(() => layoutNetwork(network), [network]);
  const placed = new Map(layout.nodes.map((node) => [node.id, node]));
  const named = new Map(network.nodes.map((node) => [node.id, node]));
  const { viewBox } = layout;
  const clusterName = (index: number | null): string =>
    index === null ? '' : `${network.clusters[index]?.name ?? ''} group`;

  const table = (
    <DataTable caption="Coauthors by collaboration cluster" columns={['Coauthor', 'Cluster', 'Shared papers']}>
      {network.clusters.flatMap((cluster) =>
        cluster.members.map((name) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{clusterName(cluster.index)}</td>
            <td>{named.get(name)?.weight}</td>
          </tr>
        )),
      )}
    </DataTable>
  );

  return (
    <ChartFigure
      id="network"
      class="chart-wide"
      title="Coauthor network"
      caption="The author at the centre; a circle per coauthor, sized by papers shared, boxed with the people they wrote papers with."
      table={table}
    >
      <svg
        class="chart-svg network"
        viewBox={`${viewBox.x0} ${viewBox.y0} ${viewBox.x1 - viewBox.x0} ${viewBox.y1 - viewBox.y0}`}
        aria-labelledby="network-title"
        // Never drawn larger than its layout, so names stay at their laid-out size on wide screens.
        style={{ maxWidth: `${viewBox.x1 - viewBox.x0}px` }}
      >
        <title>The author and coauthors, grouped by collaboration cluster</title>
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; cluster names and sizes are listed below the chart. */}
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
                {clusterName(cluster.index)}
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
                stroke-width={0.5 + 0.4 * edge.weight}
                data-mark="edge"
              />
            );
          })}
        </g>
        {layout.nodes.map((node) => {
          const info = named.get(node.id);
          if (!info) return null;
          const isAuthor = node.id === AUTHOR_NODE_ID;
          const label = isAuthor
            ? `${info.name}, the author: ${plural(info.weight, 'paper')}`
            : `${info.name}: ${plural(info.weight, 'shared paper')}, ${clusterName(info.cluster)}`;
          return (
            // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG <g> is not interactive; role="img" names the node.
            <g
              key={node.id}
              class={isAuthor ? 'node node-author' : 'node'}
              role="img"
              aria-label={label}
              data-mark="node"
              data-name={info.name}
              data-weight={info.weight}
            >
              <circle cx={node.x} cy={node.y} r={node.r} />
              <text x={node.x} y={node.labelY} text-anchor="middle" font-size={LABEL_FONT_SIZE}>
                {info.name}
              </text>
            </g>
          );
        })}
      </svg>
      <ul class="cluster-list">
        {network.clusters.map((cluster) => (
          <li key={cluster.index}>
            <strong>{clusterName(cluster.index)}</strong>: {plural(cluster.members.length, 'coauthor')},{' '}
            {plural(cluster.paperIds.length, 'paper')}; its words: {cluster.keywords.join(', ')}
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}
