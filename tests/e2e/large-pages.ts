import { readFileSync } from 'node:fs';

/** The corpus papers' ids, and the link shapes generated pages use for them. */
export const CORPUS_IDS: string[] = JSON.parse(readFileSync('data/corpus.json', 'utf8')).papers.map(
  (p: { id: string }) => p.id,
);
export const SHAPES = [
  (id: string) => `https://arxiv.org/abs/${id}`,
  (id: string) => `https://arxiv.org/pdf/${id}v2`,
  (id: string) => `https://www.alphaxiv.org/abs/${id}`,
  (id: string) => `https://huggingface.co/papers/${id}`,
  (id: string) => `https://doi.org/10.48550/arXiv.${id}`,
  (id: string) => `http://export.arxiv.org/abs/${id}?context=cs`,
];

/**
 * A deterministic list of `n` links, about 2% of them to corpus papers (marked
 * `data-expect`), a quarter to other arXiv papers, the rest ordinary links.
 */
export function linkList(n: number, seed = 7): string {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = random();
    if (r < 0.02) {
      const id = CORPUS_IDS[Math.floor(random() * CORPUS_IDS.length)] as string;
      items.push(`<li><a data-expect="${id}" href="${SHAPES[i % SHAPES.length]?.(id)}">paper ${i}</a></li>`);
    } else if (r < 0.27) {
      items.push(`<li><a href="https://arxiv.org/abs/1905.${String(10000 + i).slice(-5)}">other paper ${i}</a></li>`);
    } else {
      items.push(`<li><a href="https://example.com/post/${i}">post ${i}</a></li>`);
    }
  }
  return `<ul>${items.join('')}</ul>`;
}

/** Records long tasks from the start, so a test can see those that came after the page's own load. */
export const RECORD_LONG_TASKS = `<script>
window.__long = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });
</script>`;

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${RECORD_LONG_TASKS}</head><body>${body}</body></html>`;
}
