import { ARXIV_ID_CANDIDATE as ID } from './arxiv-id';
import { pathSource } from './path-source';

/** SciRate paper pages, `/arxiv/ID`. */
export const scirate = pathSource(
  'scirate',
  ['scirate.com', 'www.scirate.com'],
  [new RegExp(`^/arxiv/(?<id>${ID})/*$`, 'i')],
);
