import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AuthorMatch,
  createAuthorMatcher,
  type MatchableAuthor,
  mostFrequentAuthors,
  slugForAuthor,
} from '../../../lib/library/match';
import { nameKey } from '../../../lib/names';

const author = (id: string, name: string, variants: string[] = [], notVariants?: string[]): MatchableAuthor => ({
  id,
  name,
  variants,
  ...(notVariants ? { notVariants } : {}),
});

const FOLLOWED = [
  author('jan-ludziejewski', 'Jan Ludziejewski'),
  author('maciej-pioro', 'Maciej Pióro', ['M. Pioro']),
  author('john-smith', 'John Smith'),
  author('jane-smith', 'Jane Smith'),
  author('jean-luc-picard', 'Jean-Luc Picard'),
  author('maria-curie', 'Maria Curie', ['Maria Skłodowska']),
  author('mistral', 'Mistral-AI'),
];

const matcher = createAuthorMatcher(FOLLOWED);

describe('createAuthorMatcher', () => {
  it.each([
    ['Jan Ludziejewski', ['jan-ludziejewski']],
    ['J. Ludziejewski', ['jan-ludziejewski']],
    ['Ludziejewski, Jan', ['jan-ludziejewski']],
    ['JAN LUDZIEJEWSKI', ['jan-ludziejewski']],
    ['Maciej Pióro', ['maciej-pioro']],
    ['Maciej Pioro', ['maciej-pioro']],
    ['M. Pioro', ['maciej-pioro']],
    ['Pióro, Maciej', ['maciej-pioro']],
    ['John Smith', ['john-smith']],
    ['Smith, Jane', ['jane-smith']],
    ['Jean-Luc Picard', ['jean-luc-picard']],
    ['JeanLuc Picard', ['jean-luc-picard']],
    ['J.-L. Picard', ['jean-luc-picard']],
    ['J. Picard', ['jean-luc-picard']],
    ['M. Skłodowska', ['maria-curie']],
  ])('%s belongs to %j', (written, ids) => {
    expect(matcher.match([written])).toEqual({ ids, ambiguous: [] });
  });

  it.each([
    'Ludziejewski',
    'Jan Kowalski',
    'Marek Pióro',
    'K. Pioro',
    'Jean Picard',
    'Mistral-AI',
    'Mistral AI',
    'OpenAI',
    '',
    '  ',
  ])('%j belongs to nobody', (written) => {
    expect(matcher.match([written])).toEqual({ ids: [], ambiguous: [] });
  });

  it('returns a paper’s followed authors in followed order, once each', () => {
    const paper = ['Jane Smith', 'J. Ludziejewski', 'Sebastian Jaszczur', 'M. Pioro', 'Maciej Pióro', 'Mistral-AI'];
    expect(matcher.match(paper)).toEqual({ ids: ['jan-ludziejewski', 'maciej-pioro', 'jane-smith'], ambiguous: [] });
  });

  it('reports an initial shared by two followed authors as ambiguous, once per name', () => {
    expect(matcher.match(['J. Smith', 'Jan Ludziejewski', 'Smith, J.'])).toEqual({
      ids: ['jan-ludziejewski'],
      ambiguous: [{ written: 'J. Smith', candidates: ['john-smith', 'jane-smith'] }],
    });
  });

  it('reports a full name as ambiguous when two followed authors are both listed by the initial', () => {
    const twins = createAuthorMatcher([author('a', 'J. Smith'), author('b', 'J. Smith')]);
    expect(twins.match(['Jan Smith'])).toEqual({
      ids: [],
      ambiguous: [{ written: 'Jan Smith', candidates: ['a', 'b'] }],
    });
    expect(twins.match(['J. Smith'])).toEqual({
      ids: [],
      ambiguous: [{ written: 'J. Smith', candidates: ['a', 'b'] }],
    });
  });

  it('lets a spelling confirmed for exactly one author win over an ambiguity', () => {
    const smiths = createAuthorMatcher([author('john', 'John Smith', ['J. Smith']), author('jane', 'Jane Smith')]);
    expect(smiths.match(['J. Smith'])).toEqual({ ids: ['john'], ambiguous: [] });
    expect(smiths.match(['Smith, J'])).toEqual({ ids: ['john'], ambiguous: [] });
    expect(smiths.match(['Jane Smith'])).toEqual({ ids: ['jane'], ambiguous: [] });
  });

  it('keeps a spelling confirmed for two authors ambiguous, with every candidate', () => {
    const smiths = createAuthorMatcher([
      author('a', 'J. Smith'),
      author('john', 'John Smith'),
      author('b', 'Jan Smith', ['J. Smith']),
    ]);
    expect(smiths.match(['J. Smith']).ambiguous).toEqual([{ written: 'J. Smith', candidates: ['a', 'john', 'b'] }]);
  });

  it('does not stretch a confirmed initial to other given names the author’s full name rules out', () => {
    expect(matcher.match(['Marek Pióro'])).toEqual({ ids: [], ambiguous: [] });
    const initialsOnly = createAuthorMatcher([author('a', 'J. Smith', ['Smith, J.'])]);
    expect(initialsOnly.match(['Jan Smith'])).toEqual({ ids: ['a'], ambiguous: [] });
  });

  it('never matches a written name to an author who was told it is not them', () => {
    const smiths = createAuthorMatcher([author('john', 'John Smith', [], ['J. Smith']), author('jane', 'Jane Smith')]);
    expect(smiths.match(['J. Smith'])).toEqual({ ids: ['jane'], ambiguous: [] });
    expect(smiths.match(['Smith, J.'])).toEqual({ ids: ['jane'], ambiguous: [] });
    expect(smiths.match(['John Smith'])).toEqual({ ids: ['john'], ambiguous: [] });

    const alone = createAuthorMatcher([author('john', 'John Smith', [], ['J. Smith'])]);
    expect(alone.match(['J. Smith'])).toEqual({ ids: [], ambiguous: [] });
  });
});

const GIVEN = [
  'Jan',
  'Maciej',
  'Michał',
  'Sebastian',
  'Jean-Luc',
  'Zoë',
  'Łukasz',
  'Alexander',
  'Jane',
  'John',
  'Marek',
];
const FAMILY = ['Ludziejewski', 'Pióro', 'Krutul', 'Jaszczur', 'Smith', 'Odrzygóźdź', 'Liu', 'Picard', 'García'];
const OTHER_FAMILY = ['Kowalczyk', 'Dubois', 'Tanaka', 'Okafor', 'Lindqvist'];

type Style = 'full' | 'initial' | 'comma';
const style = fc.constantFrom<Style>('full', 'initial', 'comma');
const write = (given: string, family: string, as: Style) =>
  as === 'full' ? `${given} ${family}` : as === 'initial' ? `${given[0]}. ${family}` : `${family}, ${given}`;

const writtenName = (families: readonly string[]) =>
  fc
    .tuple(fc.constantFrom(...GIVEN), fc.constantFrom(...families), style)
    .map(([given, family, as]) => write(given, family, as));

const followedAuthors = (families: readonly string[], withNot = true) =>
  fc
    .uniqueArray(
      fc.record({
        given: fc.constantFrom(...GIVEN),
        family: fc.constantFrom(...families),
        variants: fc.array(style, { maxLength: 2 }),
        notVariants: withNot ? fc.array(writtenName(families), { maxLength: 2 }) : fc.constant<string[]>([]),
      }),
      { selector: ({ given, family }) => `${given} ${family}`, maxLength: 8 },
    )
    .map((people) =>
      people.map(({ given, family, variants, notVariants }, i) =>
        author(
          `${families === FAMILY ? 'f' : 'o'}${i}`,
          `${given} ${family}`,
          variants.map((as) => write(given, family, as)),
          notVariants,
        ),
      ),
    );

const paper = fc.array(fc.oneof(writtenName(FAMILY), fc.constantFrom('Mistral-AI', 'Smith', '', 'OpenAI Team')), {
  maxLength: 12,
});

const asSets = ({ ids, ambiguous }: AuthorMatch) => ({
  ids: [...ids].sort(),
  ambiguous: ambiguous.map(({ written, candidates }) => ({ written, candidates: [...candidates].sort() })),
});

describe('createAuthorMatcher properties', () => {
  it('matches a followed author’s own name to them alone when nobody else followed shares the family name', () => {
    fc.assert(
      fc.property(followedAuthors(FAMILY, false), (authors) => {
        const families = authors.map(({ name }) => nameKey(name)!.family);
        const match = createAuthorMatcher(authors);
        authors.forEach(({ id, name }, i) => {
          if (families.indexOf(families[i]!) !== families.lastIndexOf(families[i]!)) return;
          expect(match.match([name])).toEqual({ ids: [id], ambiguous: [] });
        });
      }),
    );
  });

  it('never returns duplicate or unknown ids, and every ambiguity names two or more followed authors', () => {
    fc.assert(
      fc.property(followedAuthors(FAMILY), paper, (authors, written) => {
        const known = new Set(authors.map(({ id }) => id));
        const { ids, ambiguous } = createAuthorMatcher(authors).match(written);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.every((id) => known.has(id))).toBe(true);
        for (const { candidates } of ambiguous) {
          expect(candidates.length).toBeGreaterThanOrEqual(2);
          expect(new Set(candidates).size).toBe(candidates.length);
          expect(candidates.every((id) => known.has(id))).toBe(true);
        }
      }),
    );
  });

  it('does not depend on the order of the followed authors', () => {
    const authorsAndShuffle = followedAuthors(FAMILY).chain((authors) =>
      fc.tuple(fc.constant(authors), fc.shuffledSubarray(authors, { minLength: authors.length })),
    );
    fc.assert(
      fc.property(authorsAndShuffle, paper, ([authors, shuffled], written) => {
        expect(asSets(createAuthorMatcher(shuffled).match(written))).toEqual(
          asSets(createAuthorMatcher(authors).match(written)),
        );
      }),
    );
  });

  it('is not changed by following an author with an unrelated family name', () => {
    const unrelated = followedAuthors(OTHER_FAMILY).filter((extra) => extra.length > 0);
    fc.assert(
      fc.property(followedAuthors(FAMILY), unrelated, fc.nat(), paper, (authors, extra, at, written) => {
        const more = [...authors];
        more.splice(at % (authors.length + 1), 0, ...extra);
        expect(createAuthorMatcher(more).match(written)).toEqual(createAuthorMatcher(authors).match(written));
      }),
    );
  });
});

/** A small seeded generator (mulberry32), so the large synthetic library is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ro', 'sa', 'tu', 'wi', 'zy', 'ch', 'ła', 'ór', 'be', 'do', 'fi', 'gu'];
const syntheticWord = (n: number) =>
  [n % 16, (n >> 4) % 16, (n >> 8) % 16].map((i) => SYLLABLES[i]).join('') + (n >> 12 || '');
const capitalized = (word: string) => word[0]!.toUpperCase() + word.slice(1);

describe('matching at library scale', () => {
  const random = seeded(42);
  const pick = (n: number) => Math.floor(random() * n);
  const person = (i: number) => [
    capitalized(syntheticWord(Math.floor(i / 3000))),
    capitalized(syntheticWord(1000 + (i % 3000))),
  ];
  const authors = Array.from({ length: 500 }, (_, i) => {
    const [given, family] = person(i * 53);
    return author(`a${i}`, `${given} ${family}`, [write(given!, family!, 'initial')]);
  });
  const papersOf = (n: number) =>
    Array.from({ length: n }, () =>
      Array.from({ length: 3 + pick(10) }, () => {
        const [given, family] = person(pick(30_000));
        return write(given!, family!, (['full', 'initial', 'comma'] as const)[pick(3)]!);
      }),
    );

  it('matches papers against 500 followed authors in time that grows with the papers, not their square', () => {
    const match = createAuthorMatcher(authors);
    const small = papersOf(10_000);
    const large = papersOf(40_000);
    // Best of three each, and a ratio within one run: the machine's load cancels out.
    const best = (papers: string[][]) =>
      Math.min(
        ...[0, 1, 2].map(() => {
          const start = performance.now();
          for (const list of papers) match.match(list);
          mostFrequentAuthors(papers, 20, match);
          return performance.now() - start;
        }),
      );
    // Four times the papers: linear work takes ~4× as long, quadratic ~16×.
    expect(best(large) / best(small)).toBeLessThan(8);

    let matched = 0;
    for (const list of large) matched += match.match(list).ids.length;
    const offer = mostFrequentAuthors(large, 20, match);
    expect(matched).toBeGreaterThan(400);
    expect(offer).toHaveLength(20);
    expect(offer.map(({ name }) => match.match([name]))).toEqual(offer.map(() => ({ ids: [], ambiguous: [] })));
  }, 60_000);
});

describe('mostFrequentAuthors', () => {
  const papers = [
    ['Maciej Pióro', 'Jan Ludziejewski', 'Sebastian Jaszczur'],
    ['Maciej Pioro', 'J. Ludziejewski', 'Sebastian Jaszczur', 'Mistral-AI'],
    ['Maciej Pioro', 'Michał Krutul', 'Mistral-AI', 'Mistral-AI'],
    ['M. Pioro', 'Michał Krutul', 'Michal Krutul'],
    ['Jan Ludziejewski', 'Szymon Antoniak'],
  ];

  it('counts each folded full name once per paper, shown as its commonest spelling', () => {
    expect(mostFrequentAuthors(papers, 10)).toEqual([
      { name: 'Maciej Pioro', papers: 3 },
      { name: 'Jan Ludziejewski', papers: 2 },
      { name: 'Michał Krutul', papers: 2 },
      { name: 'Sebastian Jaszczur', papers: 2 },
      { name: 'J. Ludziejewski', papers: 1 },
      { name: 'M. Pioro', papers: 1 },
      { name: 'Szymon Antoniak', papers: 1 },
    ]);
  });

  it('stops at the limit, breaking ties by name', () => {
    expect(mostFrequentAuthors(papers, 2)).toEqual([
      { name: 'Maciej Pioro', papers: 3 },
      { name: 'Jan Ludziejewski', papers: 2 },
    ]);
    expect(mostFrequentAuthors(papers, 0)).toEqual([]);
  });

  it('leaves out names that match a followed author or could be one', () => {
    const followed = createAuthorMatcher([
      author('jan', 'Jan Ludziejewski'),
      author('maciej', 'Maciej Pióro'),
      author('marek', 'Marek Pióro'),
    ]);
    expect(mostFrequentAuthors(papers, 10, followed)).toEqual([
      { name: 'Michał Krutul', papers: 2 },
      { name: 'Sebastian Jaszczur', papers: 2 },
      { name: 'Szymon Antoniak', papers: 1 },
    ]);
  });

  it('reads any iterable of author lists in one pass', () => {
    function* once() {
      yield ['Jan Ludziejewski'];
      yield ['Ludziejewski, Jan'];
    }
    expect(mostFrequentAuthors(once(), 5)).toEqual([{ name: 'Jan Ludziejewski', papers: 2 }]);
  });
});

describe('slugForAuthor', () => {
  it.each([
    ['Jan Ludziejewski', 'jan-ludziejewski'],
    ['Pióro, Maciej', 'maciej-pioro'],
    ['Michał  Krutul', 'michal-krutul'],
    ['Tomasz Odrzygóźdź', 'tomasz-odrzygozdz'],
    ['Jean-Luc Picard', 'jeanluc-picard'],
    ['Mistral-AI', 'mistralai'],
    ['王小明', 'author'],
    ['', 'author'],
  ])('%j → %s', (name, slug) => {
    expect(slugForAuthor(name, new Set())).toBe(slug);
  });

  it('suffixes a slug that is already taken', () => {
    expect(slugForAuthor('Jan Ludziejewski', new Set(['jan-ludziejewski']))).toBe('jan-ludziejewski-2');
    expect(slugForAuthor('Jan Ludziejewski', new Set(['jan-ludziejewski', 'jan-ludziejewski-2']))).toBe(
      'jan-ludziejewski-3',
    );
    expect(slugForAuthor('', new Set(['author']))).toBe('author-2');
  });

  it('always gives a free, non-empty, hyphenated ASCII slug', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string()), (name, taken) => {
        const used = new Set([...taken, slugForAuthor(name, new Set())]);
        const slug = slugForAuthor(name, used);
        expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(used.has(slug)).toBe(false);
      }),
    );
  });
});
