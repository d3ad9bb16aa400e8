/** One href and what link detection must make of it. */
export interface UrlCase {
  /** The href as written in a page: absolute, protocol-relative or relative. */
  url: string;
  /** The page the href sits on, for relative hrefs. */
  base?: string;
  /** The arXiv id the href points at, or null for a near miss that must not match. */
  id: string | null;
  /** The version the href pins (null for none), where the case checks it. */
  version?: number | null;
  note?: string;
}

/**
 * Real-world paper URLs for every supported shape, plus near misses. Shared by the unit
 * tests and the end-to-end fixture page, so it stays plain data.
 */
export const URL_CASES: readonly UrlCase[] = [
  // arxiv.org abstract pages
  { url: 'https://arxiv.org/abs/2402.07871', id: '2402.07871', version: null },
  { url: 'https://arxiv.org/abs/2402.07871v2', id: '2402.07871', version: 2 },
  { url: 'http://arxiv.org/abs/2310.15961', id: '2310.15961', version: null },
  { url: 'https://www.arxiv.org/abs/2401.04081v1', id: '2401.04081', version: 1 },
  { url: 'https://export.arxiv.org/abs/2502.05172', id: '2502.05172', version: null },
  { url: 'https://browse.arxiv.org/abs/2508.09752v3', id: '2508.09752', version: 3 },
  { url: 'HTTPS://ARXIV.ORG/abs/2506.10910', id: '2506.10910', note: 'host case' },
  { url: 'https://arxiv.org/abs/2506.10910/', id: '2506.10910', version: null },
  { url: 'https://arxiv.org/abs/2507.13264//', id: '2507.13264', version: null },
  { url: 'https://arxiv.org/abs/2602.11298?context=cs.LG', id: '2602.11298', version: null },
  { url: 'https://arxiv.org/abs/2603.25551v1#references', id: '2603.25551', version: 1 },
  { url: 'https://arxiv.org/abs/arXiv:2601.08584', id: '2601.08584', version: null },
  { url: 'https://arxiv.org/abs/ARXIV:2509.25193v2', id: '2509.25193', version: 2 },
  {
    url: 'https://arxiv.org/abs/2402.07872',
    id: '2402.07872',
    version: null,
    note: 'a valid id outside the corpus; membership is checked after detection',
  },
  { url: 'https://arxiv.org/abs/1412.6980', id: '1412.6980', note: 'four-digit era (2007–2014)' },
  { url: 'https://arxiv.org/abs/0704.0001v2', id: '0704.0001', version: 2, note: 'first new-style id' },
  // arxiv.org PDFs, HTML and other formats
  { url: 'https://arxiv.org/pdf/2507.03526', id: '2507.03526', version: null },
  { url: 'https://arxiv.org/pdf/2506.22255v1', id: '2506.22255', version: 1 },
  { url: 'https://arxiv.org/pdf/2402.07871.pdf', id: '2402.07871', version: null },
  { url: 'https://arxiv.org/pdf/2310.15961v2.pdf', id: '2310.15961', version: 2 },
  { url: 'https://arxiv.org/pdf/arXiv:2401.04081v1', id: '2401.04081', version: 1 },
  { url: 'https://export.arxiv.org/pdf/2502.05172v1/', id: '2502.05172', version: 1 },
  { url: 'https://arxiv.org/html/2402.07871v2', id: '2402.07871', version: 2 },
  { url: 'https://arxiv.org/html/2402.07871v2/', id: '2402.07871', version: 2 },
  { url: 'https://arxiv.org/html/2402.07871v1/#S3', id: '2402.07871', version: 1 },
  { url: 'https://arxiv.org/html/2508.09752', id: '2508.09752', version: null },
  { url: 'https://arxiv.org/format/2506.10910', id: '2506.10910', version: null },
  { url: 'https://arxiv.org/ps/2507.13264v1', id: '2507.13264', version: 1 },
  { url: 'https://arxiv.org/src/2506.22255v2', id: '2506.22255', version: 2, note: 'the TeX source download' },
  { url: 'https://arxiv.org/ftp/arxiv/papers/2602/2602.11298.pdf', id: '2602.11298', version: null },
  { url: 'https://arxiv.org/ftp/arxiv/papers/2603/2603.25551v2.pdf', id: '2603.25551', version: 2 },
  // old-style ids
  { url: 'https://arxiv.org/abs/hep-th/9901001v2', id: 'hep-th/9901001', version: 2 },
  { url: 'https://arxiv.org/pdf/math.GR/0512484', id: 'math.GR/0512484', version: null },
  { url: 'https://arxiv.org/abs/cs/0112017', id: 'cs/0112017', version: null },
  { url: 'https://arxiv.org/ftp/hep-th/papers/9901/9901001.pdf', id: 'hep-th/9901001', version: null },
  // relative hrefs resolve against the page they sit on
  {
    url: '/abs/2402.07871v2',
    base: 'https://arxiv.org/list/cs.LG/new',
    id: '2402.07871',
    version: 2,
  },
  {
    url: '../pdf/2310.15961',
    base: 'https://arxiv.org/abs/2402.07871',
    id: '2310.15961',
    version: null,
  },
  {
    url: '/papers/2601.08584',
    base: 'https://huggingface.co/papers/trending',
    id: '2601.08584',
    version: null,
  },
  {
    url: '//arxiv.org/abs/2509.25193',
    base: 'https://example.com/reading',
    id: '2509.25193',
    note: 'protocol-relative',
  },
  // alphaXiv
  { url: 'https://www.alphaxiv.org/abs/2502.05172', id: '2502.05172', version: null },
  { url: 'https://alphaxiv.org/overview/2508.09752v1', id: '2508.09752', version: 1 },
  { url: 'https://www.alphaxiv.org/overview/2506.10910/', id: '2506.10910', version: null },
  // Hugging Face
  { url: 'https://huggingface.co/papers/2507.13264', id: '2507.13264', version: null },
  { url: 'https://huggingface.co/papers/2602.11298#community', id: '2602.11298', version: null },
  { url: 'https://huggingface.co/papers/2603.25551/', id: '2603.25551', version: null },
  // ar5iv
  { url: 'https://ar5iv.labs.arxiv.org/html/2310.15961', id: '2310.15961', version: null },
  { url: 'https://ar5iv.org/html/2401.04081v1', id: '2401.04081', version: 1 },
  { url: 'https://ar5iv.org/abs/2402.07871', id: '2402.07871', version: null },
  { url: 'https://ar5iv.labs.arxiv.org/html/hep-th/9901001', id: 'hep-th/9901001', version: null },
  // Semantic Scholar
  { url: 'https://www.semanticscholar.org/arxiv/2601.08584', id: '2601.08584', version: null },
  { url: 'https://www.semanticscholar.org/arxiv/2509.25193/', id: '2509.25193', version: null },
  // DOIs
  { url: 'https://doi.org/10.48550/arXiv.2507.03526', id: '2507.03526', version: null },
  { url: 'https://dx.doi.org/10.48550/ARXIV.2506.22255', id: '2506.22255', version: null },
  { url: 'https://doi.org/10.48550/arxiv.2402.07871', id: '2402.07871', version: null },
  { url: 'https://doi.org/10.48550%2FarXiv.2310.15961', id: '2310.15961', version: null },
  { url: 'http://dx.doi.org/10.48550/arXiv.2401.04081', id: '2401.04081', version: null },
  // SciRate
  { url: 'https://scirate.com/arxiv/2502.05172', id: '2502.05172', version: null },
  { url: 'https://www.scirate.com/arxiv/2508.09752v2', id: '2508.09752', version: 2 },
  // near misses
  { url: 'https://arxiv.org/abs/2402.078710', id: null, note: 'six-digit number' },
  { url: 'https://arxiv.org/abs/12402.07871', id: null, note: 'five-digit YYMM' },
  { url: 'https://arxiv.org/abs/2402.0787', id: null, note: 'four digits after 2014' },
  { url: 'https://arxiv.org/abs/1412.69801', id: null, note: 'five digits before 2015' },
  { url: 'https://arxiv.org/abs/2413.07871', id: null, note: 'month 13' },
  { url: 'https://arxiv.org/abs/2402.07871v0', id: null, note: 'versions start at 1' },
  { url: 'https://arxiv.org/abs/foo-bar/9901001', id: null, note: 'unknown old-style archive' },
  { url: 'https://arxiv.org/html/2402.07871v2/x1.png', id: null, note: 'figure inside a paper' },
  { url: 'https://arxiv.org/ftp/arxiv/papers/2401/2402.07871.pdf', id: null, note: 'FTP folder of another month' },
  { url: 'https://arxiv.org/list/cs.LG/new', id: null },
  { url: 'https://arxiv.org/a/ludziejewski_j_1', id: null, note: 'author page' },
  { url: 'https://example.com/abs/2402.07871', id: null },
  { url: '/abs/2402.07871v2', base: 'https://example.com/', id: null, note: 'relative, off arXiv' },
  { url: 'https://notarxiv.org/abs/2402.07871', id: null },
  { url: 'https://arxiv.org.evil.com/abs/2402.07871', id: null },
  { url: 'https://arxiv.org@evil.com/abs/2402.07871', id: null, note: 'arxiv.org is userinfo' },
  { url: 'ftp://arxiv.org/abs/2402.07871', id: null, note: 'not http(s)' },
  { url: 'https://huggingface.co/papers', id: null },
  { url: 'https://huggingface.co/papers/trending', id: null },
  { url: 'https://huggingface.co/papers/date/2025-02-07', id: null },
  { url: 'https://huggingface.co/papers/month/2025-02', id: null },
  { url: 'https://huggingface.co/papers/2402.078710', id: null },
  { url: 'https://doi.org/10.1234/arXiv.2402.07871', id: null, note: 'not the arXiv DOI prefix' },
  { url: 'https://www.semanticscholar.org/search?q=2402.07871', id: null },
  { url: 'https://scholar.google.com/scholar?q=arXiv:2402.07871', id: null },
  { url: 'https://github.com/example/2402.07871', id: null },
  { url: 'mailto:x@arxiv.org', id: null },
  { url: 'javascript:alert(1)', id: null },
];
