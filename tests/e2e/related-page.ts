import { readFileSync } from 'node:fs';
import { buildIndex } from '../../lib/insights/similarity-index';
import { paperText } from '../../lib/library/derive-texts';
import { closestTo } from '../../lib/library/relate';

interface CorpusPaper {
  id: string;
  title: string;
  abstract: string;
  date: string;
}
const CORPUS = (JSON.parse(readFileSync('data/corpus.json', 'utf8')) as { papers: CorpusPaper[] }).papers;

/** A paper outside the bundled library, by someone else and the followed author, close to the library's topic. */
export const OUTSIDE = {
  id: '2512.00001',
  title: 'Sparse Mixture of Experts Language Models: Scaling Laws for Granularity and Routing',
  abstract:
    'We study scaling laws for sparse mixture of experts language models, varying the granularity of experts, ' +
    'the routing and the number of training tokens, and compare them with dense transformers at equal compute.',
  authors: ['Ada Lovelace', 'Jan Ludziejewski'],
};

/** Its arXiv abstract page, in arXiv's markup (title, authors and abstract as arXiv labels them). */
export const OUTSIDE_ABSTRACT_PAGE = `<!doctype html><meta charset="utf-8"><title>[${OUTSIDE.id}] ${OUTSIDE.title}</title>
  <div id="abs"><h1 class="title mathjax"><span class="descriptor">Title:</span>${OUTSIDE.title}</h1>
  <div class="authors"><span class="descriptor">Authors:</span>${OUTSIDE.authors.map((a) => `<a href="/a/x">${a}</a>`).join(', ')}</div>
  <blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span>${OUTSIDE.abstract}</blockquote></div>`;

/** What the library's own measure says of it, worked out here over the bundled papers: closest first, with titles. */
export function expectedClosest(): { id: string; similarity: number; title: string }[] {
  const index = buildIndex(CORPUS.map((p) => ({ id: p.id, date: p.date, text: paperText(p.title, p.abstract) })));
  return closestTo(index, OUTSIDE.title, OUTSIDE.abstract)
    .slice(0, 3)
    .map(({ id, similarity }) => ({ id, similarity, title: CORPUS.find((p) => p.id === id)?.title ?? '' }));
}
