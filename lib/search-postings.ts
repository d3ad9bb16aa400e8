/**
 * A term's postings in one field (short document id → term frequency) in two typed arrays, where MiniSearch keeps a
 * Map. At 100k papers the index holds ~5M postings: a restarted worker's heap, the index loaded, is 82 MB so and
 * was 157 MB with Maps, every entry of which the collector walked. Reads answer from the arrays; a write (a paper
 * added, or cleaned out) first turns them into the Map MiniSearch would have had, so MiniSearch's own code keeps
 * working, and {@link Postings.freeze} turns them back.
 */
export class Postings implements Map<number, number> {
  private map: Map<number, number> | null = null;

  /** `docs` strictly ascending, `freqs` beside them. */
  private constructor(
    private docs: Uint32Array,
    private freqs: Uint8Array | Uint16Array | Uint32Array,
  ) {}

  /** The postings of a Map or its entries, in any order. */
  static of(entries: Iterable<readonly [number, number]>): Postings {
    const pairs = [...entries];
    if (!ascending(pairs.map(([doc]) => doc))) pairs.sort((a, b) => a[0] - b[0]);
    return new Postings(
      Uint32Array.from(pairs, ([doc]) => doc),
      narrowest(pairs.map(([, freq]) => freq)),
    );
  }

  /** The postings of MiniSearch's plain form (`{ "shortId": frequency }`, as `toJSON` writes them). */
  static ofRecord(record: Record<string, number>): Postings {
    const keys = Object.keys(record);
    const docs = keys.map((key) => Number.parseInt(key, 10));
    // Object.keys lists integer keys in ascending order, so this holds for all that toJSON wrote.
    if (!ascending(docs)) return Postings.of(docs.map((doc, i) => [doc, record[keys[i] as string] as number]));
    return new Postings(Uint32Array.from(docs), narrowest(keys.map((key) => record[key] as number)));
  }

  get [Symbol.toStringTag](): string {
    return 'Postings';
  }

  get size(): number {
    return this.map ? this.map.size : this.docs.length;
  }

  /** Whether it is held as typed arrays (not turned into a Map by a write since). */
  get frozen(): boolean {
    return this.map === null;
  }

  /** Turns a Map made by a write back into typed arrays. */
  freeze(): void {
    if (!this.map) return;
    const { docs, freqs } = Postings.of(this.map);
    this.docs = docs;
    this.freqs = freqs;
    this.map = null;
  }

  get(doc: number): number | undefined {
    if (this.map) return this.map.get(doc);
    const i = this.indexOf(doc);
    return i < 0 ? undefined : this.freqs[i];
  }

  has(doc: number): boolean {
    return this.map ? this.map.has(doc) : this.indexOf(doc) >= 0;
  }

  forEach(callback: (freq: number, doc: number, map: Map<number, number>) => void, thisArg?: unknown): void {
    if (this.map) {
      this.map.forEach(callback, thisArg);
      return;
    }
    const { docs, freqs } = this;
    for (let i = 0; i < docs.length; i++) callback.call(thisArg, freqs[i] as number, docs[i] as number, this);
  }

  *entries(): MapIterator<[number, number]> {
    if (this.map) return yield* this.map.entries();
    // The arrays as they were: a write while iterating (MiniSearch's clean-up deletes as it goes) makes new ones.
    const { docs, freqs } = this;
    for (let i = 0; i < docs.length; i++) yield [docs[i] as number, freqs[i] as number];
  }

  *keys(): MapIterator<number> {
    for (const [doc] of this.entries()) yield doc;
  }

  *values(): MapIterator<number> {
    for (const [, freq] of this.entries()) yield freq;
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  set(doc: number, freq: number): this {
    this.thawed().set(doc, freq);
    return this;
  }

  delete(doc: number): boolean {
    return this.thawed().delete(doc);
  }

  clear(): void {
    this.thawed().clear();
  }

  private thawed(): Map<number, number> {
    if (!this.map) {
      this.map = new Map(this.entries());
      this.docs = new Uint32Array(0);
      this.freqs = new Uint8Array(0);
    }
    return this.map;
  }

  private indexOf(doc: number): number {
    const { docs } = this;
    let low = 0;
    let high = docs.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const here = docs[mid] as number;
      if (here === doc) return mid;
      if (here < doc) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }
}

function ascending(docs: readonly number[]): boolean {
  for (let i = 1; i < docs.length; i++) if ((docs[i] as number) <= (docs[i - 1] as number)) return false;
  return true;
}

/** Frequencies (a word's count in a field) in the narrowest typed array that holds them. */
function narrowest(freqs: readonly number[]): Uint8Array | Uint16Array | Uint32Array {
  const top = freqs.reduce((max, freq) => Math.max(max, freq), 0);
  if (top < 0x100) return Uint8Array.from(freqs);
  return top < 0x10000 ? Uint16Array.from(freqs) : Uint32Array.from(freqs);
}

/** Postings turned into typed arrays between pauses: ~20–30 ms of work. */
const POSTINGS_PER_SLICE = 200_000;

/**
 * Freezes every field's postings of every term (MiniSearch's term map: term → field id → postings), the plain Maps
 * MiniSearch made replaced, in slices with `pause` between them. The terms are listed first: MiniSearch's clean-up
 * may remove terms during a pause, and its tree's iterator fails on a branch removed under it. Any write between
 * pauses is fine, since MiniSearch reads a term's postings afresh from its field Map each time.
 */
export async function freezeTerms(
  terms: Iterable<[string, Map<number, Map<number, number>>]>,
  pause: () => Promise<void>,
  slice = POSTINGS_PER_SLICE,
): Promise<void> {
  let done = 0;
  for (const [, fields] of [...terms]) {
    for (const [fieldId, postings] of fields) {
      if (postings instanceof Postings) {
        if (postings.frozen) continue;
        postings.freeze();
      } else fields.set(fieldId, Postings.of(postings));
      done += postings.size;
      if (done >= slice) {
        done = 0;
        await pause();
      }
    }
  }
}
