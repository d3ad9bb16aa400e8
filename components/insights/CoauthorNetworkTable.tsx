import { type CoauthorNetwork, clusterTitle } from '../../lib/insights/coauthor-network';
import { DataTable } from './DataTable';

/** The coauthor network's numbers: each coauthor, cluster by cluster, with the papers they share with the author. */
export function CoauthorNetworkTable({ network }: { network: CoauthorNetwork }) {
  const named = new Map(network.nodes.map((node) => [node.id, node]));
  return (
    <DataTable caption="Coauthors by collaboration cluster" columns={['Coauthor', 'Cluster', 'Shared papers']}>
      {network.clusters.flatMap((cluster) =>
        cluster.members.map((name) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{clusterTitle(network, cluster.index)}</td>
            <td>{named.get(name)?.weight}</td>
          </tr>
        )),
      )}
    </DataTable>
  );
}
