import { plural } from '../../lib/format';
import { AUTHOR_NODE_ID, type NetworkNode } from '../../lib/insights/coauthor-network';
import { LABEL_FONT_SIZE, type PlacedNode } from '../../lib/insights/network-layout';

interface Props {
  node: NetworkNode;
  place: PlacedNode;
  /** The title of the node's cluster (empty for the author). */
  cluster: string;
}

/** A person in the network: a circle sized by shared papers with the name below, labelled for screen readers. */
export function NetworkNodeMark({ node, place, cluster }: Props) {
  const isAuthor = node.id === AUTHOR_NODE_ID;
  const label = isAuthor
    ? `${node.name}, the author: ${plural(node.weight, 'paper')}`
    : `${node.name}: ${plural(node.weight, 'shared paper')}, ${cluster}`;
  return (
    // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG <g> is not interactive; role="img" names the node.
    <g
      class={isAuthor ? 'node node-author' : 'node'}
      role="img"
      aria-label={label}
      data-mark="node"
      data-name={node.name}
      data-weight={node.weight}
    >
      <circle cx={place.x} cy={place.y} r={place.r} />
      <text x={place.x} y={place.labelY} text-anchor="middle" font-size={LABEL_FONT_SIZE}>
        {node.name}
      </text>
    </g>
  );
}
