import { plural } from '../../lib/format';
import { type CoauthorNetwork, clusterTitle } from '../../lib/insights/coauthor-network';

/** Each collaboration cluster in words: its coauthors, its papers and the words only its papers use. */
export function ClusterList({ network }: { network: CoauthorNetwork }) {
  return (
    <ul class="cluster-list">
      {network.clusters.map((cluster) => (
        <li key={cluster.index}>
          <strong>{clusterTitle(network, cluster.index)}</strong>: {plural(cluster.members.length, 'coauthor')},{' '}
          {plural(cluster.papers, 'paper')}; its words: {cluster.keywords.join(', ')}
        </li>
      ))}
    </ul>
  );
}
