import type { PapersById } from '../../lib/export/facts';
import type { LibraryPaper as Paper } from '../../lib/library/schema';

/** The most ids one `getPapers` request may name (PapersRequestSchema). */
export const PAPERS_PER_REQUEST = 1_000;

/** What a request for a batch of ids came to: null once answered, or the error that stopped it. */
type Answer = Promise<unknown>;

/**
 * The library records of the papers a reading list holds, asked for a batch
 * at a time as its entries arrive, each id once until the list says it changed.
 */
export class SavedPapers {
  private papers: PapersById = new Map();
  /** Each id asked for, with the request answering it; a later request for the id supersedes it. */
  private readonly asked = new Map<string, Answer>();
  /** Ids answered as not in the library. */
  private readonly absent = new Set<string>();
  /** One request at a time, so a long list neither floods the background nor stalls this page. */
  private queue: Answer = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly read: (ids: string[]) => Promise<Paper[]>,
    private readonly changed: (papers: PapersById) => void,
  ) {}

  /** Asks, in batches, for the ids not asked for yet; the answers come through `changed`. */
  ask(ids: readonly string[]): void {
    const fresh = [...new Set(ids)].filter((id) => !this.asked.has(id));
    for (let start = 0; start < fresh.length; start += PAPERS_PER_REQUEST) {
      this.request(fresh.slice(start, start + PAPERS_PER_REQUEST));
    }
  }

  /** The records of all of `ids` the library holds, once asked for and answered (an export needs them all). */
  async all(ids: readonly string[]): Promise<PapersById> {
    this.ask(ids);
    const answers = await Promise.all(new Set(ids.map((id) => this.asked.get(id))));
    const failure = answers.find((answer) => answer instanceof Error);
    if (failure) throw failure;
    return this.papers;
  }

  /** The reading list changed these ids (null: many): ask for them again, or (null) for those the library lacked. */
  forget(ids: readonly string[] | null): void {
    // A reading-list write never changes a library record; it may save a paper the library has gained since.
    for (const id of ids ?? [...this.absent]) {
      this.asked.delete(id);
      this.absent.delete(id);
    }
  }

  /** The list is gone (the popup switched tab): the batches not sent yet never are. */
  stop(): void {
    this.stopped = true;
  }

  private request(batch: string[]): void {
    const answer: Answer = this.queue
      .then(() => (this.stopped ? [] : this.read(batch)))
      .then(
        (found) => this.settle(batch, answer, found),
        (error: unknown) => this.drop(batch, answer, error),
      );
    this.queue = answer;
    for (const id of batch) this.asked.set(id, answer);
  }

  private settle(batch: readonly string[], answer: Answer, found: readonly Paper[]): null {
    const byId = new Map(found.map((paper) => [paper.id, paper]));
    const next = new Map(this.papers);
    for (const id of batch) {
      // Asked for again since (the list changed it): that later answer counts.
      if (this.asked.get(id) !== answer) continue;
      const paper = byId.get(id);
      if (paper) {
        next.set(id, paper);
        this.absent.delete(id);
      } else {
        next.delete(id);
        this.absent.add(id);
      }
    }
    const differs = found.length > 0 || next.size !== this.papers.size;
    this.papers = next;
    if (differs && !this.stopped) this.changed(next);
    return null;
  }

  /** A failed request's ids are asked for again next time (the list works without them meanwhile). */
  private drop(batch: readonly string[], answer: Answer, error: unknown): Error {
    for (const id of batch) if (this.asked.get(id) === answer) this.asked.delete(id);
    return error instanceof Error ? error : new Error(String(error));
  }
}
