/** The sites a paper link can point at, one module each. */
export type SourceName = 'arxiv' | 'alphaxiv' | 'huggingface' | 'ar5iv' | 'semantic-scholar' | 'doi' | 'scirate';

/** A link recognised by the arXiv id in its URL. */
export interface IdRef {
  kind: 'id';
  /** Bare arXiv id without version, e.g. `2402.07871` or `hep-th/9901001`. */
  id: string;
  version: number | null;
  source: SourceName;
}

/** A link recognised only because its text is a known paper title. */
export interface TitleRef {
  kind: 'title';
  /** The link text after `normalizeText`, equal to a corpus title's normalized form. */
  normalizedTitle: string;
}

export type PaperRef = IdRef | TitleRef;

/** Recognises one site's paper URLs. */
export interface LinkSource {
  name: SourceName;
  match(url: URL): IdRef | null;
}
