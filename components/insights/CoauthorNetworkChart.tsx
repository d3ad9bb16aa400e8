import { useMemo } from 'preact/hooks';
import { type CoauthorNetwork, clusterTitle } from '../../lib/insights/coauthor-network';
import { layoutNetwork } from '../../lib/insights/network-layout';
import { ChartFigure } from './ChartFigure';
import { ClusterList } from './ClusterList';
import { CoauthorNetworkTable } from './CoauthorNetworkTable';
import { NetworkBackdrop } from './NetworkBackdrop';
import { NetworkNodeMark } from './NetworkNodeMark';

const CAPTION =
  'The author at the centre; a circle per coauthor, sized by papers shared, boxed with the people they wrote papers with.';

interface Props {
  network: CoauthorNetwork;
  /** All the author's coauthors: the network draws those who shared most papers. */
  coauthors: number;
}

/** The author at the centre, coauthors sized by shared papers and boxed by collaboration cluster. */
export function CoauthorNetworkChart({ network, coauthors }: Props) {
  const layout = useMemo(() => layoutNetwork(network), [network]);
  const named = new Map(network.nodes.map((node) => [node.id, node]));
  const { viewBox } = layout;
  const drawn = network.nodes.length - 1;

  return (
    <ChartFigure
      id="network"
      class="chart-wide"
      title="Coauthor network"
      caption={
        drawn < coauthors
          ? `${CAPTION} The ${drawn} with most shared papers of ${coauthors.toLocaleString('en')} coauthors.`
          : CAPTION
      }
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
