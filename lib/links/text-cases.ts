/** One piece of page text and the arXiv ids that text mention finding must make of it. */
export interface TextCase {
  /** The text as a page shows it, e.g. one reference list entry. */
  text: string;
  /** The bare ids mentioned, in order (repeats included); empty for a near miss. */
  ids: string[];
  note: string;
}

/**
 * Realistic text mentions of arXiv ids in every supported shape, plus near misses. Shared by
 * the unit tests and end-to-end fixture pages, so it stays plain data.
 */
export const TEXT_CASES: readonly TextCase[] = [
  // arXiv: prefixes
  {
    text: 'J. Ludziejewski et al. Scaling laws for fine-grained mixture of experts. arXiv:2402.07871, 2024.',
    ids: ['2402.07871'],
    note: 'colon, no space',
  },
  { text: 'Preprint, arXiv: 2402.07871.', ids: ['2402.07871'], note: 'colon and space, sentence end' },
  { text: 'See arXiv 2310.15961 for details', ids: ['2310.15961'], note: 'space only' },
  { text: 'Mixture of Tokens, arXiv:2310.15961v2 (2023)', ids: ['2310.15961'], note: 'version' },
  {
    text: 'Krajewski, J. et al. Scaling laws for fine-grained mixture of experts. arXiv preprint arXiv:2402.07871 (2024).',
    ids: ['2402.07871'],
    note: 'arXiv preprint arXiv:',
  },
  { text: 'ARXIV:2401.04081', ids: ['2401.04081'], note: 'upper case' },
  { text: 'available as arxiv:2502.05172', ids: ['2502.05172'], note: 'lower case' },
  { text: 'Adam (arXiv:1412.6980).', ids: ['1412.6980'], note: 'four-digit era in parentheses' },
  { text: '[12] First new-style id, arXiv:0704.0001v1.', ids: ['0704.0001'], note: 'first new-style id' },
  // arxiv.org URLs written as text
  { text: 'Available at arxiv.org/abs/2402.07871.', ids: ['2402.07871'], note: 'bare host' },
  { text: 'PDF: https://arxiv.org/pdf/2402.07871v1', ids: ['2402.07871'], note: 'PDF URL with version' },
  { text: 'URL https://arxiv.org/pdf/2506.22255.pdf.', ids: ['2506.22255'], note: 'old .pdf suffix' },
  { text: 'http://www.arxiv.org/abs/2508.09752v3', ids: ['2508.09752'], note: 'www host' },
  { text: 'mirror: export.arxiv.org/abs/2506.10910', ids: ['2506.10910'], note: 'export host' },
  { text: 'https://arxiv.org/html/2507.13264v1', ids: ['2507.13264'], note: 'HTML version' },
  { text: 'https://arxiv.org/abs/hep-th/9901001v2', ids: ['hep-th/9901001'], note: 'old-style URL' },
  // old-style ids
  {
    text: 'J. Maldacena, The large N limit of superconformal field theories, arXiv:hep-th/9711200.',
    ids: ['hep-th/9711200'],
    note: 'old-style with prefix',
  },
  { text: 'E. Witten, hep-th/9802150 (1998).', ids: ['hep-th/9802150'], note: 'bare old-style' },
  {
    text: 'Perelman, math.DG/0211159; math.DG/0303109',
    ids: ['math.DG/0211159', 'math.DG/0303109'],
    note: 'subject classes',
  },
  { text: 'Group theory, math.GR/0512484v1.', ids: ['math.GR/0512484'], note: 'bare old-style with version' },
  { text: 'cs/0112017', ids: ['cs/0112017'], note: 'short archive, whole text' },
  // DOIs
  { text: 'doi:10.48550/arXiv.2402.07871', ids: ['2402.07871'], note: 'doi: prefix' },
  { text: 'DOI: 10.48550/ARXIV.2506.22255', ids: ['2506.22255'], note: 'upper case DOI' },
  { text: 'https://doi.org/10.48550/arXiv.2402.07871.', ids: ['2402.07871'], note: 'DOI resolver URL' },
  { text: '10.48550/arxiv.2310.15961', ids: ['2310.15961'], note: 'DOI without prefix' },
  // unicode and whitespace around
  { text: 'arXiv:\u00a02402.07871', ids: ['2402.07871'], note: 'nbsp after colon' },
  { text: 'arXiv\n2402.07871', ids: ['2402.07871'], note: 'newline' },
  { text: '«arXiv:2402.07871»', ids: ['2402.07871'], note: 'guillemets' },
  { text: '論文 arXiv:2402.07871 を参照', ids: ['2402.07871'], note: 'CJK around' },
  { text: '📄arXiv:2402.07871📄', ids: ['2402.07871'], note: 'emoji (surrogate pairs) around' },
  {
    text: 'Ref.\u2009—\u2009arXiv:2310.15961v1,\u00a0arXiv:2402.07871',
    ids: ['2310.15961', '2402.07871'],
    note: 'thin spaces',
  },
  // several in one text
  {
    text: 'Mixture of Tokens (arXiv:2310.15961) and fine-grained MoE (arXiv:2402.07871).',
    ids: ['2310.15961', '2402.07871'],
    note: 'two ids',
  },
  { text: 'arXiv:2402.07871 … again arXiv:2402.07871v2', ids: ['2402.07871', '2402.07871'], note: 'same id twice' },
  {
    text: 'arXiv:2401.04081; https://arxiv.org/abs/2502.05172; doi:10.48550/arXiv.2508.09752; hep-ph/0204001',
    ids: ['2401.04081', '2502.05172', '2508.09752', 'hep-ph/0204001'],
    note: 'every shape in one list',
  },
  // near misses
  { text: 'Page 2402.07871 of the book', ids: [], note: 'bare new-style number' },
  { text: 'Version 2402.07871 costs $1412.6980', ids: [], note: 'bare numbers' },
  { text: 'arXiv:2402.078710', ids: [], note: 'digits continue' },
  { text: 'arXiv:12402.07871', ids: [], note: 'five-digit YYMM' },
  { text: 'arXiv:2402.0787', ids: [], note: 'four digits after 2014' },
  { text: 'arXiv:1412.69801', ids: [], note: 'five digits before 2015' },
  { text: 'arXiv:2402.07871.5', ids: [], note: 'a decimal goes on' },
  { text: 'arXiv:2413.07871', ids: [], note: 'month 13' },
  { text: 'arXiv:2400.07871', ids: [], note: 'month 0' },
  { text: 'arXiv:0703.0001', ids: [], note: 'before new-style ids began' },
  { text: 'arXiv:2402.07871v0', ids: [], note: 'versions start at 1' },
  { text: 'xarXiv:2402.07871', ids: [], note: 'inside a longer word' },
  { text: 'arXiv:2402.07871abc', ids: [], note: 'a word goes on' },
  { text: 'notarxiv.org/abs/2402.07871', ids: [], note: 'another host' },
  { text: 'foo-bar/9901001', ids: [], note: 'unknown old-style archive' },
  { text: 'hep-th/99010012', ids: [], note: 'eight digits' },
  { text: 'hep-th/0704001', ids: [], note: 'old-style after March 2007' },
  { text: 'xhep-th/9901001', ids: [], note: 'archive inside a longer word' },
  { text: 'doi:10.1234/arXiv.2402.07871', ids: [], note: 'not the arXiv DOI prefix' },
  { text: 'arXiv preprint, 2024', ids: [], note: 'arXiv without an id' },
];
