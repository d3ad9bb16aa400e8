import { ARXIV_ID_CANDIDATE as ID } from './arxiv-id';
import { pathSource } from './path-source';

/** Semantic Scholar's arXiv redirect, `/arxiv/ID`. */
export const semanticScholar = pathSource(
  'semantic-scholar',
  ['www.semanticscholar.org', 'semanticscholar.org'],
  [new RegExp(`^/arxiv/(?<id>${ID})/*$`, 'i')],
);
