import { ARXIV_ID_CANDIDATE as ID } from './arxiv-id';
import { pathSource } from './path-source';

/** ar5iv HTML renderings, `/html/ID`, and its `/abs/ID` redirects. */
export const ar5iv = pathSource(
  'ar5iv',
  ['ar5iv.labs.arxiv.org', 'ar5iv.org'],
  [new RegExp(`^/(?:html|abs)/(?<id>${ID})/*$`, 'i')],
);
