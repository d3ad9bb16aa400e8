import { ARXIV_ID_CANDIDATE as ID } from './arxiv-id';
import { pathSource } from './path-source';

/** alphaXiv discussion pages: `/abs/ID` and `/overview/ID`. */
export const alphaxiv = pathSource(
  'alphaxiv',
  ['alphaxiv.org', 'www.alphaxiv.org'],
  [new RegExp(`^/(?:abs|overview)/(?<id>${ID})/*$`, 'i')],
);
