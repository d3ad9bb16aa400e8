import { ARXIV_ID_CANDIDATE as ID } from './arxiv-id';
import { pathSource } from './path-source';

/** Hugging Face paper pages, `/papers/ID`; listings such as `/papers/trending` hold no id. */
export const huggingface = pathSource('huggingface', ['huggingface.co'], [new RegExp(`^/papers/(?<id>${ID})/*$`, 'i')]);
