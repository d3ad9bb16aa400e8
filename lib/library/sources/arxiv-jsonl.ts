import { z } from 'zod';
import { AnyArxivIdSchema } from '../../reading-list/schema';
import { type IncomingPaper, type IncomingPaperInput, IncomingPaperSchema, type SourceResult } from '../incoming';

/** The snapshot's format, for the docs: what each field holds and whether Paperlens reads it. */
export const SNAPSHOT_FIELDS = `arXiv metadata snapshot ("arxiv-metadata-oai-snapshot.json", from Kaggle): JSON Lines, one record per line.
- id: arXiv id without version, "2402.07871" or "hep-th/9901001" (required)
- title, abstract: text with LaTeX; whitespace is collapsed (title required)
- authors_parsed: [[last, first, suffix], …], read as "first last suffix"
- authors: "A. One, B. Two and C. Three", read only when authors_parsed is empty or absent (required)
- categories: space-separated, primary first, "cs.LG cs.CL" (required)
- versions: [{ version: "v1", created: "Mon, 2 Apr 2007 19:18:42 GMT" }, …]; v1 gives the date, the last the version (required)
- update_date: "2008-11-13", the last update
- doi, journal-ref, comments: read when present (the first DOI when several are listed)
- submitter, report-no, license: checked to be text, not kept`;

const MIB = 1024 * 1024;
const PROGRESS_EVERY = 64 * 1024;
const NEWLINE = 0x0a;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// arXiv stamps versions in RFC 2822 form, always in GMT, so the calendar date can be read off the text.
const CREATED = new RegExp(`^[A-Z][a-z]{2}, (\\d{1,2}) (${MONTHS.join('|')}) (\\d{4}) \\d{2}:\\d{2}:\\d{2} GMT$`);
const NOT_A_SNAPSHOT =
  ', so this is not an arXiv JSON Lines snapshot; choose arxiv-metadata-oai-snapshot.json (one JSON record per line)';

const optionalText = z.string().nullish();

const SnapshotVersionSchema = z.object({
  version: z.string().regex(/^v[1-9]\d*$/, 'must be like v1'),
  created: z.string().regex(CREATED, 'must be a date like "Mon, 2 Apr 2007 19:18:42 GMT"'),
});

/** One record of the snapshot as the file holds it; unknown keys (`__proto__` included) are dropped. */
const SnapshotRecordSchema = z.object({
  id: AnyArxivIdSchema,
  submitter: optionalText,
  authors: z.string(),
  title: z.string(),
  comments: optionalText,
  'journal-ref': optionalText,
  doi: optionalText,
  'report-no': optionalText,
  categories: z.string().regex(/\S/, 'is empty'),
  license: optionalText,
  abstract: optionalText,
  versions: z.array(SnapshotVersionSchema).min(1, 'is empty'),
  update_date: z.iso.date({ error: 'must be a date like 2008-11-13' }).nullish(),
  authors_parsed: z.array(z.array(z.string())).nullish(),
});
export type SnapshotRecord = z.infer<typeof SnapshotRecordSchema>;

/** What the caller's filter sees of each record. */
export interface SnapshotFacts {
  authors: string[];
  categories: string[];
}

export interface ReadArxivJsonlOptions {
  /** Whether to keep a record (one naming a followed author, say); the others are only checked and dropped. */
  keep(record: SnapshotFacts): boolean;
  /** Bytes and records read so far, about every 64 KiB and once at the end. */
  onProgress?(bytes: number, lines: number): void;
  /**
   * Hands each kept paper on as it is read, instead of returning them all (the result's `papers` is then empty):
   * only a fingerprint of each is kept, to tell a repeated record. The reader waits for a promise it returns.
   */
  emit?(paper: IncomingPaper): void | Promise<void>;
  /** The longest line accepted, in bytes (default 1 MiB; snapshot records are a few KiB). */
  maxLineBytes?: number;
  signal?: AbortSignal;
}

/** A problem with the file, as a sentence naming its line; `notARecord` when the line is not a snapshot record at all. */
class SnapshotError extends Error {
  constructor(
    message: string,
    readonly notARecord = false,
  ) {
    super(message);
  }
}

/**
 * Reads an arXiv metadata snapshot as it streams in, keeping the records `keep` wants
 * as papers. Holds only the current line and the kept papers, so the 4 GB snapshot
 * fits. Every record is checked against the snapshot format; kept ones also against
 * the paper schema, and a kept id seen twice must say the same both times.
 * `lines` counts the records read (blank lines aside). Never throws.
 */
export async function readArxivJsonl(
  stream: ReadableStream<Uint8Array>,
  options: ReadArxivJsonlOptions,
): Promise<SourceResult<{ lines: number; kept: number }>> {
  const progress = new Progress(options.onProgress);
  const kept = new KeptPapers(options.emit);
  try {
    for await (const line of readLines(stream, options.maxLineBytes ?? MIB, progress)) {
      if (options.signal?.aborted) return { ok: false, error: `the import was cancelled at line ${line.number}` };
      if (line.text.trim() === '') continue;
      const handed = readRecord(line, options.keep, kept);
      if (handed) await handed;
      progress.lines++;
    }
  } catch (error) {
    return { ok: false, error: failure(error, progress.lines === 0) };
  }
  progress.finish();
  return { ok: true, papers: kept.papers, lines: progress.lines, kept: kept.count };
}

function failure(error: unknown, beforeFirstRecord: boolean): string {
  if (!(error instanceof SnapshotError)) {
    return `the file could not be read (${error instanceof Error ? error.message : String(error)}); try again`;
  }
  return error.notARecord && beforeFirstRecord ? `${error.message}${NOT_A_SNAPSHOT}` : error.message;
}

function readRecord(line: Line, keep: ReadArxivJsonlOptions['keep'], kept: KeptPapers): void | Promise<void> {
  const record = parseRecord(line);
  const facts = { authors: authorNamesOf(record), categories: record.categories.trim().split(/\s+/) };
  if (keep(facts)) return kept.add(toPaper(record, facts, line.number), line.number);
}

/** Author names as "First Last Suffix" from `authors_parsed`, or else split from `authors`. */
export function authorNamesOf(record: Pick<SnapshotRecord, 'authors' | 'authors_parsed'>): string[] {
  const parsed = (record.authors_parsed ?? []).map(parsedName).filter(Boolean);
  return parsed.length ? parsed : splitAuthors(record.authors);
}

// `authors_parsed` lists [last, first, suffix]; a collaboration has only the "last" part.
function parsedName([last = '', first = '', ...rest]: string[]): string {
  return [first, last, ...rest].join(' ').replace(/\s+/g, ' ').trim();
}

// Affiliations in parentheses hold commas of their own, so they go before splitting.
function splitAuthors(authors: string): string[] {
  return authors
    .replace(/\([^()]*\)/g, ' ')
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+/)
    .map((name) => name.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function parseRecord(line: Line): SnapshotRecord {
  const value = parseJson(line);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SnapshotError(`line ${line.number} is not an arXiv record (it holds ${describeJson(value)})`, true);
  }
  const result = SnapshotRecordSchema.safeParse(value, { error: snapshotIssue });
  if (result.success) return result.data;
  throw new SnapshotError(`${where(line.number, value)}: ${sentence(result.error.issues[0])}`, !('id' in value));
}

function parseJson(line: Line): unknown {
  try {
    return JSON.parse(line.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 100) : 'unreadable';
    throw new SnapshotError(`line ${line.number} is not JSON (${reason})`, true);
  }
}

function describeJson(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return value === null ? 'null' : `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = { string: 'text', array: 'a list', object: 'an object' };

/** Plain words for the snapshot schema's type errors; other issues keep their own messages. */
const snapshotIssue: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== 'invalid_type') return undefined;
  return issue.input === undefined ? 'is missing' : `must be ${EXPECTED[issue.expected] ?? issue.expected}`;
};

function where(lineNumber: number, value: { id?: unknown }): string {
  return typeof value.id === 'string' ? `line ${lineNumber} (arXiv ${value.id.slice(0, 40)})` : `line ${lineNumber}`;
}

/** An issue as "<field> <problem>", in the snapshot's field names. */
function sentence(issue: z.core.$ZodIssue | undefined, names: Record<string, string> = {}): string {
  if (!issue) return 'is not valid';
  const [head = '', ...rest] = issue.path.map(String);
  const field = [names[head] ?? head, ...rest].join('.');
  if (issue.message.startsWith('has ')) return issue.message;
  return /^(is|must) /.test(issue.message) ? `${field} ${issue.message}` : `${field} is invalid (${issue.message})`;
}

/** Where each paper field comes from in a snapshot record, for error messages. */
const SNAPSHOT_NAMES: Record<string, string> = {
  arxivId: 'id',
  version: 'versions',
  primaryCategory: 'categories',
  date: 'versions',
  updated: 'update_date',
  journalRef: 'journal-ref',
};

function toPaper(record: SnapshotRecord, facts: SnapshotFacts, lineNumber: number): IncomingPaper {
  const result = IncomingPaperSchema.safeParse(toIncoming(record, facts));
  if (result.success) return result.data;
  throw new SnapshotError(`${where(lineNumber, record)}: ${sentence(result.error.issues[0], SNAPSHOT_NAMES)}`);
}

function toIncoming(record: SnapshotRecord, facts: SnapshotFacts): IncomingPaperInput {
  return {
    arxivId: record.id,
    version: Math.max(...record.versions.map((entry) => Number(entry.version.slice(1)))),
    // A few records list several DOIs, space-separated; the first is the published version.
    doi: record.doi?.trim().split(/\s+/)[0] || null,
    title: record.title,
    authors: facts.authors,
    abstract: record.abstract ?? '',
    primaryCategory: facts.categories[0] ?? null,
    categories: facts.categories,
    date: isoDate((record.versions.find((entry) => entry.version === 'v1') ?? record.versions[0])?.created ?? ''),
    updated: record.update_date ?? null,
    journalRef: record['journal-ref'] ?? null,
    comments: record.comments ?? null,
  };
}

/** `Mon, 2 Apr 2007 19:18:42 GMT` → `2007-04-02`. */
function isoDate(created: string): string {
  const [, day = '', month = '', year = ''] = CREATED.exec(created) ?? [];
  return `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * The kept papers, each id once, remembering the line that first gave it: the papers themselves,
 * or (when they are handed on as they come) a fingerprint of each, enough to tell a repeat that differs.
 */
class KeptPapers {
  readonly papers: IncomingPaper[] = [];
  count = 0;
  private readonly firstSeen = new Map<string, { line: number; index: number; print: number }>();

  constructor(private readonly emit?: (paper: IncomingPaper) => void | Promise<void>) {}

  add(paper: IncomingPaper, line: number): void | Promise<void> {
    const id = paper.arxivId ?? '';
    const earlier = this.firstSeen.get(id);
    const text = this.emit ? JSON.stringify(paper) : '';
    if (!earlier) {
      const index = this.emit ? -1 : this.papers.push(paper) - 1;
      this.firstSeen.set(id, { line, index, print: this.emit ? fingerprint(text) : 0 });
      this.count++;
      return this.emit?.(paper);
    }
    const same = this.emit
      ? earlier.print === fingerprint(text)
      : JSON.stringify(this.papers[earlier.index]) === JSON.stringify(paper);
    if (!same)
      throw new SnapshotError(`line ${line} repeats arXiv ${id} from line ${earlier.line} with different content`);
  }
}

/** A 53-bit hash of a text (cyrb53): two different papers share one about once in 10^15 pairs. */
function fingerprint(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Bytes and records read, reported at most once per PROGRESS_EVERY bytes. */
class Progress {
  bytes = 0;
  lines = 0;
  private reported = 0;

  constructor(private readonly report: ReadArxivJsonlOptions['onProgress']) {}

  read(bytes: number): void {
    this.bytes += bytes;
    if (this.bytes - this.reported >= PROGRESS_EVERY) this.flush();
  }

  finish(): void {
    if (this.bytes > this.reported) this.flush();
  }

  private flush(): void {
    this.reported = this.bytes;
    this.report?.(this.bytes, this.lines);
  }
}

interface Line {
  number: number;
  text: string;
}

/** Splits a UTF-8 byte stream into lines (LF or CRLF), holding only the current one; cancels the stream when left early. */
async function* readLines(
  stream: ReadableStream<Uint8Array>,
  maxLineBytes: number,
  progress: Progress,
): AsyncGenerator<Line, void, undefined> {
  const reader = stream.getReader();
  const line = new LineAssembler(maxLineBytes);
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      yield* line.split(chunk.value);
      progress.read(chunk.value.length);
    }
    if (line.started) yield line.end();
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** The line being read, decoded part by part as its bytes arrive. */
class LineAssembler {
  // Fatal, so a bad byte is reported rather than replaced by U+FFFD.
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private parts: string[] = [];
  private bytes = 0;
  private number = 1;

  constructor(private readonly maxBytes: number) {}

  get started(): boolean {
    return this.bytes > 0;
  }

  /** The lines `chunk` ends; the bytes after its last newline wait for the next chunk. */
  *split(chunk: Uint8Array): Generator<Line, void, undefined> {
    let start = 0;
    // A newline byte never occurs inside a multi-byte UTF-8 character, so splitting bytes is safe.
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      this.add(chunk.subarray(start, end));
      yield this.end();
      start = end + 1;
    }
    this.add(chunk.subarray(start));
  }

  end(): Line {
    this.parts.push(this.decode());
    const text = this.parts.join('');
    const line = { number: this.number, text: text.endsWith('\r') ? text.slice(0, -1) : text };
    this.parts = [];
    this.bytes = 0;
    this.number++;
    return line;
  }

  private add(bytes: Uint8Array): void {
    if (!bytes.length) return;
    this.bytes += bytes.length;
    if (this.bytes > this.maxBytes) {
      throw new SnapshotError(`line ${this.number} is longer than ${size(this.maxBytes)}`, true);
    }
    this.parts.push(this.decode(bytes));
  }

  private decode(bytes?: Uint8Array): string {
    try {
      return bytes ? this.decoder.decode(bytes, { stream: true }) : this.decoder.decode();
    } catch {
      throw new SnapshotError(`line ${this.number} is not valid UTF-8`, true);
    }
  }
}

function size(bytes: number): string {
  return bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes} bytes`;
}
