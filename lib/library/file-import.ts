import type { IncomingPaper } from './incoming';
import { createAuthorMatcher, type MatchableAuthor } from './match';
import type { LibraryRestore } from './restore';
import type { FollowedAuthor, LibraryPaper } from './schema';
import {
  DEFAULT_SNAPSHOT_FILTER,
  describeSnapshotFilter,
  type SnapshotFilter,
  snapshotFilterProblem,
  snapshotKeep,
} from './snapshot-filter';
import { parseArxivAtom } from './sources/arxiv-atom';
import { readArxivJsonl } from './sources/arxiv-jsonl';
import { parseBibtexLibrary, type SkippedEntry } from './sources/bibtex';
import { parseLibraryFile } from './sources/library-json';
import { parseScholarFeedProfile } from './sources/scholarfeed';
import type { NewAuthor } from './write';

/** The kinds of file the library page imports. */
export type LibraryFileKind = 'arxiv-atom' | 'arxiv-jsonl' | 'bibtex' | 'paperlens-library' | 'scholarfeed';

/** How much of a file {@link detectLibraryFile} looks at. */
export const SNIFF_BYTES = 4096;
/** Files read whole (all but the streamed snapshot) are refused above this size. */
export const MAX_TEXT_FILE_BYTES = 50 * 1024 * 1024;
/** What the file picker offers. */
export const LIBRARY_FILE_ACCEPT = '.xml,.atom,.jsonl,.json,.bib,.txt';

const BY_EXTENSION: Record<string, LibraryFileKind> = {
  xml: 'arxiv-atom',
  atom: 'arxiv-atom',
  jsonl: 'arxiv-jsonl',
  json: 'paperlens-library',
  bib: 'bibtex',
  txt: 'scholarfeed',
};

// PDF, PNG, JPEG, GIF: their first bytes as they read decoded as text (not UTF-8, each bad byte is U+FFFD).
const BINARY_MAGIC = /^(?:%PDF-|\uFFFDPNG|\uFFFD\uFFFD\uFFFD|GIF8)/;
// Control characters other than tab, line breaks and form feed: a zip, a gzip, an image (text files have none).
const BINARY_BYTES = /[^\P{Cc}\t\n\r\f]/u;
const LIBRARY_MARKER = /"format"\s*:\s*"paperlens-library"/;
const SNAPSHOT_RECORD = /^\{\s*"id"\s*:\s*"[^"]+"\s*,\s*"(?:submitter|authors|title)"/;
const BIBTEX_ENTRY = /^\s*@\s*[a-z]+\s*[{(]/im;
const PROFILE_HEADER = /^h-index\s*\d+\s*$[\s\S]*^\d+\s*papers\s*$/im;

/** The sentence for a file no importer reads. */
export function notImportable(name: string): string {
  return `“${name}” is not a file Paperlens can import: choose an arXiv Atom feed (.xml), the arXiv metadata snapshot (.jsonl), BibTeX (.bib), a ScholarFeed profile (.txt) or a Paperlens library file (.json).`;
}

/**
 * Which importer reads a file: by its first few KiB (`head`) first, its name's
 * extension second. Null for anything else (a PDF, an image, an archive, an empty file).
 */
export function detectLibraryFile(name: string, head: string): LibraryFileKind | null {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (!text || BINARY_MAGIC.test(text) || BINARY_BYTES.test(text)) return null;
  if (text.startsWith('<')) return /<feed[\s>]/.test(text) ? 'arxiv-atom' : null;
  if (text.startsWith('{') || text.startsWith('[')) return jsonKind(name, text);
  if (BIBTEX_ENTRY.test(text)) return 'bibtex';
  if (PROFILE_HEADER.test(text)) return 'scholarfeed';
  const kind = byExtension(name);
  return kind === 'arxiv-atom' || kind === 'arxiv-jsonl' || kind === 'paperlens-library' ? null : kind;
}

function jsonKind(name: string, text: string): LibraryFileKind | null {
  if (LIBRARY_MARKER.test(text)) return 'paperlens-library';
  if (SNAPSHOT_RECORD.test(text)) return 'arxiv-jsonl';
  const kind = byExtension(name);
  return kind === 'arxiv-jsonl' || kind === 'paperlens-library' ? kind : null;
}

function byExtension(name: string): LibraryFileKind | null {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? null;
}

export interface ReadLibraryFileOptions {
  /** The followed authors, for the snapshot filter's "names an author you follow". */
  followed: readonly MatchableAuthor[];
  /** Which snapshot records are kept as they stream past (default: those naming a followed author); other kinds ignore it. */
  snapshot?: SnapshotFilter;
  /** Bytes read so far of `total`. */
  onProgress?(bytes: number, total: number): void;
  signal?: AbortSignal;
}

/** What a file brings to an import. */
export interface LibraryFileContents {
  ok: true;
  kind: LibraryFileKind;
  papers: IncomingPaper[];
  /** The author a ScholarFeed profile follows. */
  follow: NewAuthor | null;
  /** A ScholarFeed profile's paper titles (matched to library papers by the background). */
  titles: string[];
  /** A Paperlens library file's authors and papers as stored: restored as they are, not imported as papers. */
  restore: LibraryRestore | null;
  /** BibTeX entries left out, and why. */
  skipped: SkippedEntry[];
}

export type LibraryFileRead = LibraryFileContents | { ok: false; error: string };

/** The most papers (and most stored records) one `stageLibraryImport` message carries. */
export const STAGE_BATCH = 1000;

/** Papers (or a library file's stored records) read from a file, one batch of at most {@link STAGE_BATCH}. */
export interface ReadBatch {
  papers: IncomingPaper[];
  records: LibraryPaper[];
}

/** What a file brings besides its papers, once it has been read through. */
export interface LibraryFileStreamed extends Omit<LibraryFileContents, 'papers' | 'restore'> {
  /** Papers and records handed on. */
  count: number;
  /** A Paperlens library file's followed authors, restored as they are (its records came in the batches). */
  restoreAuthors: FollowedAuthor[] | null;
}

export interface StreamLibraryFileOptions extends ReadLibraryFileOptions {
  /** Takes each batch as it is read; the next one waits for the promise. At least one batch comes, maybe empty. */
  onBatch(batch: ReadBatch): Promise<void>;
}

/**
 * Reads a file the user chose for the library, handing its papers on in
 * batches: sniffs its kind, streams the arXiv snapshot (keeping only the records
 * the snapshot filter wants, and holding only the batch being filled, so a file
 * of gigabytes never sits in memory) and reads any other kind whole, as strict
 * UTF-8, up to {@link MAX_TEXT_FILE_BYTES}. Never throws; every error names the file.
 */
export async function streamLibraryFile(
  file: File,
  options: StreamLibraryFileOptions,
): Promise<LibraryFileStreamed | { ok: false; error: string }> {
  try {
    const kind = detectLibraryFile(file.name, await file.slice(0, SNIFF_BYTES).text());
    if (!kind) return { ok: false, error: notImportable(file.name) };
    if (kind === 'arxiv-jsonl') return await readSnapshot(file, options);
    if (file.size > MAX_TEXT_FILE_BYTES) return failed(file.name, tooLarge(file.size));
    const text = await readUtf8(file);
    if (text === null) return failed(file.name, 'is not UTF-8 text; save it as UTF-8 and choose it again');
    if (options.signal?.aborted) return failed(file.name, 'was not read: the import was cancelled');
    options.onProgress?.(file.size, file.size);
    const read = parseText(kind, file.name, text);
    if (!read.ok) return read;
    return await handOn(file.name, read, options);
  } catch (error) {
    return failed(
      file.name,
      `could not be read (${error instanceof Error ? error.message : String(error)}); choose it again`,
    );
  }
}

/** A file read whole, handed on in batches (at least one, so a profile without papers is staged too). */
async function handOn(
  name: string,
  read: LibraryFileContents,
  options: StreamLibraryFileOptions,
): Promise<LibraryFileStreamed | { ok: false; error: string }> {
  const { papers, restore, ...rest } = read;
  const records = restore?.records ?? [];
  const total = Math.max(papers.length, records.length);
  for (let start = 0; start === 0 || start < total; start += STAGE_BATCH) {
    if (options.signal?.aborted) return failed(name, 'was not read: the import was cancelled');
    const end = start + STAGE_BATCH;
    await options.onBatch({ papers: papers.slice(start, end), records: records.slice(start, end) });
  }
  return { ...rest, count: papers.length + records.length, restoreAuthors: restore ? [...restore.authors] : null };
}

/** Reads a whole file's papers into memory (the tests', and small files'), through {@link streamLibraryFile}. */
export async function readLibraryFile(file: File, options: ReadLibraryFileOptions): Promise<LibraryFileRead> {
  const papers: IncomingPaper[] = [];
  const records: LibraryPaper[] = [];
  const onBatch = async (batch: ReadBatch) => {
    papers.push(...batch.papers);
    records.push(...batch.records);
  };
  const read = await streamLibraryFile(file, { ...options, onBatch });
  if (!read.ok) return read;
  const { count: _count, restoreAuthors, ...rest } = read;
  return { ...rest, papers, restore: restoreAuthors ? { authors: restoreAuthors, records } : null };
}

/** A source's error as a sentence that names the file and says nothing was imported. */
function failed(name: string, error: string): { ok: false; error: string } {
  const joined = /^(?:is|has|was|could) /.test(error) ? `“${name}” ${error}` : `“${name}”: ${error}`;
  return { ok: false, error: `${joined.replace(/[.;]?$/, '.')} Nothing was imported.` };
}

function tooLarge(bytes: number): string {
  const mib = (n: number) => `${Math.ceil(n / 1024 / 1024)} MiB`;
  return `is ${mib(bytes)}, more than the ${mib(MAX_TEXT_FILE_BYTES)} Paperlens reads from a file of this kind; split it, or export fewer papers`;
}

/** The text, or null when it is not valid UTF-8 (a fatal decoder reports bad bytes rather than replacing them). */
async function readUtf8(file: File): Promise<string | null> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
}

async function readSnapshot(
  file: File,
  options: StreamLibraryFileOptions,
): Promise<LibraryFileStreamed | { ok: false; error: string }> {
  const filter = options.snapshot ?? DEFAULT_SNAPSHOT_FILTER;
  // Refused before the stream starts: a bad category, or no test at all (the whole snapshot is never meant).
  const problem = snapshotFilterProblem(filter);
  if (problem) return failed(file.name, problem);
  const matcher = createAuthorMatcher(options.followed);
  let batch: IncomingPaper[] = [];
  const result = await readArxivJsonl(file.stream(), {
    // Ambiguous names are kept too: the preview asks who they are.
    keep: snapshotKeep(filter, (authors) => {
      const match = matcher.match(authors);
      return match.ids.length > 0 || match.ambiguous.length > 0;
    }),
    emit: (paper) => {
      batch.push(paper);
      if (batch.length < STAGE_BATCH) return;
      const full = batch;
      batch = [];
      return options.onBatch({ papers: full, records: [] });
    },
    onProgress: (bytes) => options.onProgress?.(bytes, file.size),
    signal: options.signal,
  });
  if (!result.ok) return failed(file.name, result.error);
  if (!result.kept) return failed(file.name, noneKept(result.lines, filter));
  if (batch.length) await options.onBatch({ papers: batch, records: [] });
  return {
    ok: true,
    kind: 'arxiv-jsonl',
    follow: null,
    titles: [],
    skipped: [],
    count: result.kept,
    restoreAuthors: null,
  };
}

function noneKept(lines: number, filter: SnapshotFilter): string {
  const advice = filter.categories.length ? 'change the snapshot filter' : 'follow the author first (Follow on arXiv)';
  return `has ${lines.toLocaleString('en')} records and none ${describeSnapshotFilter(filter)}; ${advice}, then import the snapshot again`;
}

function contents(
  kind: LibraryFileKind,
  papers: IncomingPaper[],
  extra: Partial<LibraryFileContents> = {},
): LibraryFileContents {
  return { ok: true, kind, papers, follow: null, titles: [], restore: null, skipped: [], ...extra };
}

function parseText(kind: Exclude<LibraryFileKind, 'arxiv-jsonl'>, name: string, text: string): LibraryFileRead {
  const result = PARSERS[kind](text);
  return result.ok ? result : failed(name, result.error);
}

const PARSERS: Record<Exclude<LibraryFileKind, 'arxiv-jsonl'>, (text: string) => LibraryFileRead> = {
  'arxiv-atom': (text) => {
    const page = parseArxivAtom(text);
    if (!page.ok) return page;
    return page.papers.length
      ? contents('arxiv-atom', page.papers)
      : { ok: false, error: 'is an arXiv feed with no papers in it' };
  },
  bibtex: (text) => {
    const library = parseBibtexLibrary(text);
    return library.ok ? contents('bibtex', library.papers, { skipped: library.skipped }) : library;
  },
  'paperlens-library': (text) => {
    const file = parseLibraryFile(text);
    if (!file.ok) return file;
    return contents('paperlens-library', [], { restore: { authors: file.authors, records: file.records } });
  },
  scholarfeed: (text) => {
    const profile = parseScholarFeedProfile(text);
    return profile.ok ? contents('scholarfeed', [], { follow: profile.author, titles: profile.titles }) : profile;
  },
};
