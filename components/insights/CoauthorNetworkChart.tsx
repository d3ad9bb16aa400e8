import { useMemo } from 'preact/hooks';
import { type CoauthorNetwork, clusterTitle } from '../../lib/insights/coauthor-network';
import { layoutNetwork } from '../../lib/insights/network-layout';
import { ChartFigure } from './ChartFigure';
import { ClusterList } from './ClusterList';
import { CoauthorNetworkTable } from './CoauthorNetworkTable';
import { NetworkBackdrop } from './NetworkBackdrop';
import { NetworkNodeMark } from './NetworkNodeMark';

/** The author at the centre, coauthors sized by shared papers and boxed by collaboration cluster. */
export function CoauthorNetworkChart({ network }: { network: CoauthorNetwork }) {
  const layout = useMemo(() => layoutNetwork(network), [network]);
  const named = new Map(network.nodes.map((node) => [node.id, node]));
  const { viewBox } = layout;

  return (
    <ChartFigure
      id="network"
      class="chart-wide"
      title="Coauthor network"
      caption="The author at the centre; a circle per coauthor, sized by papers shared, boxed with the people they wrote papers with."
      table={<CoauthorNetworkTable network={network} />}
    >
      <svg
        class="chart-svg network"
        viewBox={`${viewBox.x0} ${viewBox.y0} ${viewBox.x1 - viewBox.x0} ${viewBox.y1 - viewBox.y0}`}
        aria-labelledby="network-title"
        // Never drawn larger than its layout, so names stay at their laid-out size on wide screens.
        style={{ maxWidth: `${viewBox.x1 - viewBox.x0}px` }}
      >
        <title>The author and coauthors, grouped by collaboration cluster</title>
        <NetworkBackdrop network={network} layout={layout} />
        {layout.nodes.map((place) => {
          const node = named.get(place.id);
          if (!node) return null;
          return (
            <NetworkNodeMark key={place.id} node={node} place={place} cluster={clusterTitle(network, node.cluster)} />
          );
        })}
      </svg>
      <ClusterList network={network} />
    </ChartFigure>
  );
}
