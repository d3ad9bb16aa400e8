/**
 * Synthetic paper libraries for scale benchmarks: followed authors with
 * coauthor circles and 1k–100k papers shaped like a real library (arXiv id
 * styles and dates, author-list sizes, topic vocabularies, follow-ups, DOIs).
 * Pure and seeded: the same options always give the same library, byte for byte.
 */
import type { IncomingPaper } from '../../lib/library/incoming';
import { type AuthorMatcher, createAuthorMatcher, slugForAuthor } from '../../lib/library/match';
import { keyOf, toLibraryPaper } from '../../lib/library/paper';
import { AUTHOR_COLORS, type FollowedAuthor, type LibraryPaper, LibraryPaperSchema } from '../../lib/library/schema';
import { LIBRARY_FILE_VERSION, LIBRARY_FORMAT, type LibraryFile } from '../../lib/library/sources/library-json';
import { nameKey } from '../../lib/names';
import { normalizeText } from '../../lib/text/normalize';

export interface ScaleOptions {
  papers: number;
  /** Followed authors (default 500). */
  authors?: number;
  /** PRNG seed (default 1). */
  seed?: number;
}

export interface ScaleLibrary {
  authors: FollowedAuthor[];
  papers: LibraryPaper[];
}

/** How often each shape occurs, per paper unless said otherwise. */
const SHARE = {
  doiOnly: 0.005,
  oldStyle: 0.02,
  noFollowed: 0.15,
  followUp: 0.03,
  latexTitle: 0.015,
  accentTitle: 0.02,
  /** Of arXiv papers in physics and astronomy, and of the others. */
  doiPhysics: 0.35,
  doiOther: 0.1,
  /** Of DOI-only papers (a BibTeX entry usually has no abstract). */
  doiAbstract: 0.5,
  largeCollaboration: 0.012,
} as const;

const POOL_SIZE = 20_000;
const TOPIC_COUNT = 200;
const TOPIC_WORDS = 40;
const MAX_TITLE_TOKENS = 16;
/** Nothing is dated after this, so every paper predates the import that added it. */
const END_DATE = '2026-03-31';
const END_TIME = Date.parse(`${END_DATE}T23:59:59Z`);
const DAY = 86_400_000;

// ---------------------------------------------------------------- randomness

/** mulberry32: a tiny seeded PRNG, so a seed gives the same library on every machine. */
class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer from lo to hi, both included. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** An index below n that favours the first ones (u^1.5, Zipf-like; no Math.pow, which is slow). */
  skewed(n: number): number {
    const u = this.next();
    return Math.min(n - 1, Math.floor(n * u * Math.sqrt(u)));
  }

  /** The items in a random order (Fisher–Yates, in place). */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }

  /** A standard normal draw (Box–Muller). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }
}

/** Picks indices in proportion to fixed weights, by binary search over their running sums. */
class Weighted {
  private readonly sums: Float64Array;

  constructor(weights: readonly number[]) {
    this.sums = new Float64Array(weights.length);
    let total = 0;
    weights.forEach((weight, i) => {
      total += weight;
      this.sums[i] = total;
    });
  }

  pick(rng: Rng): number {
    const target = rng.next() * (this.sums[this.sums.length - 1] ?? 0);
    let lo = 0;
    let hi = this.sums.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sums[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** FNV-1a, to seed a paper's own PRNG from its id (the snapshot's extra fields). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];
const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------- vocabulary

/** A research field: its arXiv categories (the commonest primary first) and real words its topics share. */
interface Field {
  weight: number;
  categories: string[];
  words: string[];
}

const FIELDS: Field[] = [
  {
    weight: 24,
    categories: ['cs.LG', 'stat.ML', 'cs.AI', 'cs.NE'],
    words: ['neural', 'network', 'gradient', 'training', 'generalization', 'representation', 'transformer'],
  },
  {
    weight: 11,
    categories: ['cs.CL', 'cs.LG', 'cs.AI'],
    words: ['language', 'token', 'translation', 'parsing', 'dialogue', 'corpus', 'summarization', 'multilingual'],
  },
  {
    weight: 10,
    categories: ['cs.CV', 'cs.LG', 'eess.IV'],
    words: ['image', 'segmentation', 'detection', 'pixel', 'video', 'diffusion', 'depth', 'pose', 'scene'],
  },
  {
    weight: 5,
    categories: ['cs.AI', 'cs.LG', 'cs.MA'],
    words: ['agent', 'planning', 'reward', 'policy', 'reinforcement', 'exploration', 'environment', 'preference'],
  },
  {
    weight: 4,
    categories: ['stat.ML', 'stat.ME', 'math.ST'],
    words: ['bayesian', 'posterior', 'inference', 'estimator', 'likelihood', 'prior', 'bootstrap', 'causal'],
  },
  {
    weight: 3,
    categories: ['math.OC', 'cs.LG', 'stat.ML'],
    words: ['convex', 'optimization', 'convergence', 'stochastic', 'descent', 'duality', 'proximal', 'regret'],
  },
  {
    weight: 3,
    categories: ['cs.DS', 'cs.CC', 'cs.DM'],
    words: ['algorithm', 'graph', 'approximation', 'matching', 'sketch', 'streaming', 'hardness', 'spanner'],
  },
  {
    weight: 2,
    categories: ['cs.CR', 'cs.LG'],
    words: ['privacy', 'adversarial', 'attack', 'encryption', 'protocol', 'backdoor', 'watermark', 'federated'],
  },
  {
    weight: 2,
    categories: ['cs.RO', 'cs.SY', 'eess.SY'],
    words: ['robot', 'manipulation', 'locomotion', 'control', 'trajectory', 'grasping', 'navigation', 'odometry'],
  },
  {
    weight: 2,
    categories: ['cs.DC', 'cs.PF', 'cs.AR'],
    words: ['distributed', 'parallel', 'cluster', 'scheduling', 'throughput', 'latency', 'accelerator', 'sharding'],
  },
  {
    weight: 2,
    categories: ['cs.IR', 'cs.SI', 'cs.CL'],
    words: ['recommendation', 'ranking', 'query', 'click', 'community', 'social', 'retrieval', 'relevance'],
  },
  {
    weight: 5,
    categories: ['hep-th', 'gr-qc', 'math-ph', 'hep-ph'],
    words: ['gauge', 'string', 'holography', 'brane', 'supersymmetry', 'anomaly', 'horizon', 'conformal'],
  },
  {
    weight: 4,
    categories: ['hep-ph', 'hep-ex', 'hep-lat'],
    words: ['collider', 'neutrino', 'quark', 'gluon', 'higgs', 'decay', 'scattering', 'lepton', 'hadron'],
  },
  {
    weight: 5,
    categories: ['quant-ph', 'cond-mat.str-el', 'cs.ET'],
    words: ['qubit', 'entanglement', 'quantum', 'circuit', 'decoherence', 'photon', 'error-correction', 'tomography'],
  },
  {
    weight: 5,
    categories: [
      'cond-mat.str-el',
      'cond-mat.mes-hall',
      'cond-mat.mtrl-sci',
      'cond-mat.stat-mech',
      'cond-mat.supr-con',
    ],
    words: ['spin', 'lattice', 'phonon', 'superconductivity', 'magnetic', 'topological', 'insulator', 'fermion'],
  },
  {
    weight: 5,
    categories: ['astro-ph.CO', 'astro-ph.GA', 'astro-ph.HE', 'astro-ph.SR', 'astro-ph.EP', 'astro-ph.IM'],
    words: ['galaxy', 'cosmological', 'redshift', 'stellar', 'supernova', 'exoplanet', 'halo', 'pulsar', 'accretion'],
  },
  {
    weight: 2,
    categories: ['math.PR', 'math.ST', 'cond-mat.stat-mech'],
    words: ['random', 'martingale', 'walk', 'percolation', 'ergodic', 'mixing', 'brownian', 'coupling'],
  },
  {
    weight: 2,
    categories: ['math.CO', 'math.NT', 'math.AG'],
    words: ['combinatorial', 'permutation', 'prime', 'curve', 'variety', 'conjecture', 'modular', 'hypergraph'],
  },
  {
    weight: 2,
    categories: ['eess.SP', 'cs.IT', 'eess.AS'],
    words: ['channel', 'coding', 'spectrum', 'beamforming', 'wireless', 'compression', 'speech', 'antenna'],
  },
  {
    weight: 2,
    categories: ['q-bio.NC', 'q-bio.QM', 'physics.bio-ph'],
    words: ['neuron', 'cortex', 'protein', 'gene', 'cell', 'brain', 'synaptic', 'spike', 'folding'],
  },
  {
    weight: 1,
    categories: ['physics.flu-dyn', 'physics.comp-ph', 'math.NA'],
    words: ['turbulence', 'flow', 'solver', 'mesh', 'finite-element', 'viscous', 'vortex', 'discretization'],
  },
  {
    weight: 1,
    categories: ['econ.EM', 'q-fin.ST', 'stat.AP'],
    words: ['market', 'price', 'volatility', 'panel', 'treatment', 'auction', 'portfolio', 'forecasting'],
  },
];

/** Categories a paper is cross-listed in: the others of every field its primary belongs to. */
const NEIGHBOURS = new Map<string, string[]>();
for (const field of FIELDS) {
  for (const category of field.categories) {
    const known = NEIGHBOURS.get(category) ?? [];
    NEIGHBOURS.set(category, unique([...known, ...field.categories.filter((other) => other !== category)]));
  }
}
/** Archives that did not exist before new-style ids (April 2007). */
const NEW_ARCHIVES = /^(stat|eess|econ|q-fin)\b/;

const GENERAL = unique(
  `model method approach framework analysis performance data dataset experiments evaluation theory problem structure
  properties efficient robust scalable novel simple general accurate improved large small sparse dense local global
  linear nonlinear dynamic adaptive hierarchical effective empirical theoretical numerical analytic exact approximate
  statistical computational study evidence limit regime scale scaling behaviour mechanism interaction system space time
  order energy state function parameter error rate cost design learning estimation prediction generalized unified
  optimal universal stable fast principled benchmark baseline accuracy efficiency stability uncertainty complexity
  geometry symmetry dimension distribution samples observations measurements constraints objective solution implicit
  explicit latent joint conditional continuous discrete finite infinite sensitivity capacity resolution precision
  variance bias signal noise transition perspective applications settings tasks domains strategy principles bounds
  guarantees regularization kernel sampling regression memory architecture`
    .split(/\s+/)
    .filter(Boolean),
);
const FUNCTION_WORDS =
  'the of and to in a we for that is with on by this our as are from which be can an these its both their such into across between under while than at it show using'.split(
    ' ',
  );
const CONNECTORS = ['for', 'of', 'with', 'via', 'in', 'and', 'on', 'under', 'towards', 'beyond', 'from', 'without'];
const TITLE_OPENERS = [
  'On',
  'Towards',
  'Rethinking',
  'Understanding',
  'Revisiting',
  'A Note on',
  'When Does',
  'Beyond',
];
const FOLLOW_UP_ENDINGS = ['Revisited', 'at Scale', 'in Practice', 'II', 'with Guarantees', 'Made Simple', 'Extended'];
const LATEX_BITS = ['$\\mu$P', '$O(n \\log n)$', '$k$-Means', '$\\ell_1$', '$\\alpha$-Divergence', '$SU(N)$', '$N=4$'];
const ACCENTED_WORDS = ['Schrödinger', 'Erdős–Rényi', 'Poincaré', 'Hölder', 'Fréchet', 'Lévy', 'Kähler', 'Gödel'];
const MATH_BITS = ['$O(\\sqrt{T})$', '$2.3\\times$', '68.4\\%', '$\\epsilon$-optimal', '$k$-sparse', '$10^{-3}$'];
const OPENERS: readonly string[][] = [
  'We',
  'In this work, we',
  'Here we',
  'This paper',
  'Our',
  'We show that',
  'Moreover,',
  'Finally,',
  'Unlike prior work,',
  'Experiments on',
  'In particular,',
].map((opener) => opener.split(' '));
const SYLLABLES =
  'ka ven tor lis mar dex qui sol ran tem bor fil gen hal jor kel lum nor pex rov sar tul vor zan cal dor fen gal hir lon mor nex ost pra ril sen tav ux vel wen yar zor bri cro dra fro gla plo stra tri'.split(
    ' ',
  );
const WORD_ENDINGS = ['', '', '', 'ic', 'al', 'ation', 'ive', 'ity', 'er', 'oid', 'ism', 'ent', 'ure', 'on', 'ar'];
const FAMILY_ENDINGS = ['ski', 'son', 'sen', 'ov', 'ova', 'ez', 'ini', 'elli', 'moto', 'mura', 'berg', 'er', 'escu'];

// ---------------------------------------------------------------- names

const GIVEN = `Adam Adrian Agnieszka Ahmed Aiko Aleksander Alessandro Alice Amara Amir Ana Anders Andrea Andrzej Anja
Anna Antoine Arjun Astrid Aylin Beatriz Benedikt Bilal Björn Bo Bruno Camille Carlos Carmen Chiara Chloé Chidi Claudia
Daniel Daniela Dawid Diego Dmitri Elena Elif Emil Emma Eun-ji Fatima Felipe Felix Fernando Filip Francesca François
Gabriel Giulia Grzegorz Hana Hannah Hao Haruto Helena Hiroshi Hugo Ibrahim Inés Ingrid Ioana Isabel Ivan Jakub Jan
Javier Jia Jiaqi Jin João Jonas Jorge José Julia Julien Jun Jürgen Kai Karolina Katarzyna Kenji Kofi Krzysztof Lars
Laura Lea Lei Leon Lin Lucas Lucía Łukasz Magdalena Mai Malik Marco Marek Maria Marta Martín Mateo Mathilde Matteo
Maciej Mei Mia Michał Miguel Min-jun Mohammed Nadia Naoki Nikolai Nina Noah Olga Omar Oscar Paweł Pedro Peter Piotr
Priya Qiang Rafael Rahul Raphaël Ravi Renée Ricardo Rin Rohan Rui Ryo Saanvi Sakura Samuel Sara Sebastian Seo-yeon
Sergei Shreya Simone Sofia Søren Stefan Sven Takumi Tanvi Thomas Tomasz Ulrike Valentina Victor Vikram Wei Wojciech
Xavier Xin Yan Yasmin Yi Yuki Yusuf Zainab Zeynep Zhen Zoë Zofia Ángel Ege Oren Tal Yael Kwame Ama Ngozi Tariq`
  .split(/\s+/)
  .filter(Boolean);

const FAMILIES = unique(
  `Abe Adeyemi Ahmed Alvarez Andersson Bauer Becker Bergström Bianchi Böhm Brown Castro Çelik Chen Cho Costa Dąbrowski
Das Dubois Dupont Eriksson Fernández Fischer Fontaine García Gómez Gupta Hansen Hartmann Hoffmann Horváth Huang Ivanov
Jakobsen Jansen Jiang Johansson Kaczmarek Kato Kaur Khan Kim Kobayashi Koch Kowalski Kozłowski Krause Kumar Lange Larsen
Lee Lehmann Lewandowski Li Lin Liu Lopez Lund Ma Martin Martínez Meyer Mishra Moreau Müller Nakamura Navarro Nguyễn
Nielsen Novák Nowak Núñez Okafor Olsen Ortiz Park Patel Pereira Petrov Pióro Popescu Rao Reddy Ribeiro Richter Romano
Rossi Russo Saito Santos Sato Schäfer Schmidt Schneider Schröder Schulz Shah Sharma Silva Singh Sokolov Song Sousa
Suzuki Szabó Tanaka Tran Usman Vasquez Vogel Wagner Wang Weber Wiśniewski Wójcik Wolf Wu Xu Yamamoto Yang Yılmaz
Yoshida Zhang Zhao Zhou Zieliński Ludziejewski Abramowicz Agarwal Alexandre Almeida Andrade Antonelli Arslan Asante
Bakker Banerjee Barbieri Baptiste Berger Bhattacharya Blanc Bogdanov Bose Carvalho Chatterjee Chowdhury Conti Cruz
Dahl Dekker Demir Dias Dimitrov Duarte Engel Esposito Farouk Fedorov Ferrari Fong Fujita Gallo Garnier Ghosh Girard
Goldberg Gonzalez Greco Guerrero Haas Hakimi Halvorsen Hashemi Havel Hayashi Hernández Horvat Hussain Iyer Jaworski
Jeong Jovanović Kamińska Kang Kapoor Karimi Keller Kovač Kramer Kuznetsov Laurent Lemaire Leroy Lindqvist Lombardi
Lorenz Mahmoud Maier Marchetti Matsumoto Medina Mendes Menon Mikkelsen Mori Moreno Nair Nascimento Neumann Ng Novak
Oliveira Olsson Orlov Öztürk Pavlović Peña Perrin Pham Pillai Quintero Ramos Rasmussen Reyes Ricci Rodrigues Rojas
Roux Sadeghi Salazar Sánchez Sandberg Sauer Sekar Sen Serrano Shimizu Simon Sørensen Stojanović Strand Sun Takahashi
Tan Teixeira Thakur Torres Ueda Vargas Vidal Volkov Watanabe Werner Winter Yadav Yamada Yeo Zaman Zeller Zhu Zimmermann`
    .split(/\s+/)
    .filter(Boolean),
);

/** A followed author as the generator sees them: their record, how papers write them, and their research life. */
interface Followed {
  author: FollowedAuthor;
  /** Written forms: as followed, with initials ("M. Pióro"), and without diacritics (or null when the same). */
  canonical: string;
  initials: string;
  ascii: string | null;
  field: number;
  topics: number[];
  collaborators: number[];
  /** Their frequent coauthors, most frequent first. */
  circle: string[];
}

function syntheticFamily(rng: Rng): string {
  const stem = rng.pick(SYLLABLES) + (rng.chance(0.5) ? rng.pick(SYLLABLES) : '');
  return capitalize(stem + rng.pick(FAMILY_ENDINGS));
}

function randomGiven(rng: Rng, middleInitial: number): string {
  const given = rng.pick(GIVEN);
  return rng.chance(middleInitial) ? `${given} ${String.fromCharCode(65 + rng.int(26))}.` : given;
}

/** "Anna K." → "A. K.", "Eun-ji" → "E.-J.". */
function initialsOf(given: string): string {
  return given
    .split(' ')
    .map((part) =>
      part
        .split('-')
        .map((piece) => `${piece.charAt(0).toUpperCase()}.`)
        .join('-'),
    )
    .join(' ');
}

/** The name without diacritics, when it still folds to the same name (ı does not). */
function asciiOf(name: string): string | null {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o');
  return ascii !== name && normalizeText(ascii) === normalizeText(name) ? ascii : null;
}

/** Folded family and first initial: no two followed authors share both, so no written name is ambiguous. */
function initialKey(name: string): string {
  const key = nameKey(name);
  return `${key?.family}|${key?.given[0]?.charAt(0)}`;
}

/** Distinct followed names; some share a family name (with another initial). */
function followedNames(rng: Rng, count: number): string[] {
  const names: string[] = [];
  const families: string[] = [];
  const taken = new Set<string>();
  while (names.length < count) {
    const r = rng.next();
    const family =
      families.length && r < 0.06 ? rng.pick(families) : r < 0.45 ? rng.pick(FAMILIES) : syntheticFamily(rng);
    const name = `${randomGiven(rng, 0.1)} ${family}`;
    const key = initialKey(name);
    if (taken.has(key)) continue;
    taken.add(key);
    names.push(name);
    families.push(family);
  }
  return names;
}

/** An ORCID iD with its ISO 7064 check digit. */
function orcid(rng: Rng): string {
  const digits = `0000000${rng.between(1, 3)}${pad(rng.int(10_000_000), 7)}`;
  let total = 0;
  for (const digit of digits) total = (total + Number(digit)) * 2;
  const check = (12 - (total % 11)) % 11;
  const all = `${digits}${check === 10 ? 'X' : check}`;
  return `${all.slice(0, 4)}-${all.slice(4, 8)}-${all.slice(8, 12)}-${all.slice(12)}`;
}

function profileOf(rng: Rng, primaryCategory: string, at: string): FollowedAuthor['profile'] {
  const hIndex = rng.between(3, 80);
  return {
    hIndex,
    citations: hIndex * hIndex * rng.between(3, 12),
    novelty: round(rng.next(), 2),
    aiScore: round(rng.next() * 100, 1),
    papers: rng.between(hIndex, hIndex * 4),
    primaryCategory,
    source: { kind: 'file', name: 'ScholarFeed profile', at },
  };
}

function followedRecord(rng: Rng, name: string, index: number, taken: Set<string>, at: string): FollowedAuthor {
  const id = slugForAuthor(name, taken);
  taken.add(id);
  const family = name.slice(name.lastIndexOf(' ') + 1);
  const variants = rng.chance(0.3) ? [`${initialsOf(name.slice(0, name.lastIndexOf(' ')))} ${family}`] : [];
  const ascii = asciiOf(name);
  if (ascii && rng.chance(0.5)) variants.push(ascii);
  const queryName = (asciiOf(family) ?? family).replace(/[^A-Za-z-]/g, '');
  return {
    id,
    name,
    variants,
    notVariants: [],
    arxivQuery: rng.chance(0.6) ? `au:${queryName}_${(asciiOf(name) ?? name).charAt(0)}` : null,
    orcid: rng.chance(0.3) ? orcid(rng) : null,
    scholarFeedId: null,
    color: AUTHOR_COLORS[index % AUTHOR_COLORS.length] ?? '#1f5fbf',
    sources: [{ kind: 'file', name: 'scale-library.json', at }],
    refreshedAt: null,
    followedAt: at,
    profile: null,
  };
}

/** Followed authors with names, fields and topics; circles and collaborators come once the pool exists. */
function buildFollowed(rng: Rng, count: number, topics: readonly Topic[], addedAt: string): Followed[] {
  const byField = FIELDS.map((_, field) => topics.flatMap((topic, t) => (topic.field === field ? [t] : [])));
  const fields = new Weighted(FIELDS.map((field) => field.weight));
  const taken = new Set<string>();
  const start = Date.parse(addedAt) - count * 60_000;
  return followedNames(rng, count).map((name, index) => {
    const at = new Date(start + index * 60_000).toISOString();
    const author = followedRecord(rng, name, index, taken, at);
    const field = fields.pick(rng);
    const home = byField[field] ?? [];
    const picks = rng.between(1, 3);
    const own = unique(
      Array.from({ length: picks }, () => (rng.chance(0.8) ? rng.pick(home) : rng.int(topics.length))),
    );
    if (rng.chance(0.1)) author.profile = profileOf(rng, topics[own[0] ?? 0]?.primary ?? 'cs.LG', at);
    const given = name.slice(0, name.lastIndexOf(' '));
    const initials = `${initialsOf(given)} ${name.slice(name.lastIndexOf(' ') + 1)}`;
    return {
      author,
      canonical: name,
      initials,
      ascii: asciiOf(name),
      field,
      topics: own,
      collaborators: [],
      circle: [],
    };
  });
}

/** Non-followed names no followed author's matcher claims, each tied to a field's community. */
function coauthorPool(rng: Rng, matcher: AuthorMatcher, size: number): { names: string[]; fields: number[] } {
  const names: string[] = [];
  const fields: number[] = [];
  const seen = new Set<string>();
  const fieldPicker = new Weighted(FIELDS.map((field) => field.weight));
  while (names.length < size) {
    const family = rng.chance(0.55) ? rng.pick(FAMILIES) : syntheticFamily(rng);
    const name = `${randomGiven(rng, 0.15)} ${family}`;
    const folded = normalizeText(name);
    if (seen.has(folded)) continue;
    seen.add(folded);
    const { ids, ambiguous } = matcher.match([name]);
    if (ids.length || ambiguous.length) continue;
    names.push(name);
    fields.push(fieldPicker.pick(rng));
  }
  return { names, fields };
}

/** Gives each followed author 20–60 frequent coauthors, mostly from their field, and 2–8 followed collaborators. */
function connect(rng: Rng, followed: Followed[], pool: { names: string[]; fields: number[] }): void {
  const community = FIELDS.map((_, field) => pool.names.filter((_, i) => pool.fields[i] === field));
  const peers = FIELDS.map((_, field) => followed.flatMap((person, i) => (person.field === field ? [i] : [])));
  followed.forEach((person, i) => {
    const size = rng.between(20, 60);
    const local = community[person.field] ?? [];
    const circle = new Set<string>();
    while (circle.size < size) circle.add(local.length && rng.chance(0.75) ? rng.pick(local) : rng.pick(pool.names));
    person.circle = [...circle];
    const wanted = rng.between(2, 8);
    const local2 = peers[person.field] ?? [];
    for (let tries = 0; person.collaborators.length < wanted && tries < 40; tries++) {
      const j = rng.chance(0.8) ? rng.pick(local2) : rng.int(followed.length);
      const other = followed[j];
      if (j === i || !other || person.collaborators.includes(j)) continue;
      person.collaborators.push(j);
      other.collaborators.push(i);
    }
  });
}

// ---------------------------------------------------------------- topics and text

interface Topic {
  field: number;
  primary: string;
  /** Most characteristic first: picked Zipf-like, so a few words mark the topic. */
  words: string[];
}

function syntheticWord(rng: Rng): string {
  const stem = rng.pick(SYLLABLES) + rng.pick(SYLLABLES) + (rng.chance(0.4) ? rng.pick(SYLLABLES) : '');
  return stem + rng.pick(WORD_ENDINGS);
}

/** Rare words any paper may use: the long tail real abstracts have, which keeps unrelated papers' cosine low. */
const RARE_WORDS = ((rng: Rng) => {
  const words = new Set<string>();
  while (words.size < 4_000) words.add(syntheticWord(rng));
  return [...words];
})(new Rng(0x7a11));

/** ~200 topics, each with ~40 words of its own (a few real words of its field, the rest synthetic). */
function buildTopics(rng: Rng): Topic[] {
  const fields = new Weighted(FIELDS.map((field) => field.weight));
  const used = new Set<string>([...GENERAL, ...FUNCTION_WORDS, ...RARE_WORDS]);
  return Array.from({ length: TOPIC_COUNT }, (_, t) => {
    const field = t < FIELDS.length ? t : fields.pick(rng);
    const { categories, words: fieldWords } = FIELDS[field] as Field;
    const primary = rng.chance(0.6) ? (categories[0] as string) : rng.pick(categories);
    const words = fieldWords.filter(() => rng.chance(0.5));
    while (words.length < TOPIC_WORDS) {
      const word = syntheticWord(rng);
      if (used.has(word)) continue;
      used.add(word);
      words.push(word);
    }
    return { field, primary, words: rng.shuffle(words) };
  });
}

function topicWord(rng: Rng, topic: Topic): string {
  return topic.words[rng.skewed(topic.words.length)] as string;
}

/** A title's content word: mostly the topic's own, then its field's, then general ones. */
function contentWord(rng: Rng, topic: Topic): string {
  const r = rng.next();
  if (r < 0.55) return topicWord(rng, topic);
  if (r < 0.7) return rng.pick((FIELDS[topic.field] as Field).words);
  return rng.pick(GENERAL);
}

/** An abstract's word: topic words carry the similarity, rare words the noise, function words the bulk. */
function abstractWord(rng: Rng, topic: Topic): string {
  const r = rng.next();
  if (r < ABSTRACT_MIX[0]) return rng.pick(topic.words);
  if (r < ABSTRACT_MIX[1]) return rng.pick((FIELDS[topic.field] as Field).words);
  if (r < ABSTRACT_MIX[2]) return rng.pick(RARE_WORDS);
  if (r < ABSTRACT_MIX[3]) return rng.pick(GENERAL);
  return rng.pick(FUNCTION_WORDS);
}

/** Running shares of an abstract's topic, field, rare and general words; function words take the rest. */
const ABSTRACT_MIX = [0.15, 0.22, 0.4, 0.7] as const;

const tokenCount = (words: readonly string[]): number => words.reduce((n, word) => n + word.split(' ').length, 0);

function acronym(rng: Rng): string {
  const head = capitalize(rng.pick(SYLLABLES)) + (rng.chance(0.5) ? capitalize(rng.pick(SYLLABLES)) : '');
  return head + rng.pick(['Net', 'Former', 'GAN', 'MoE', 'BERT', 'Flow', 'Diff', 'RL', 'Bench', 'LM', 'Seg', '']);
}

/** A fresh title as words: an optional "Name:" or opener, content words, connectors between some. */
function titleWords(rng: Rng, topic: Topic): string[] {
  const length = rng.between(6, 14);
  const words: string[] = [];
  if (rng.chance(0.15)) words.push(`${acronym(rng)}:`);
  else if (rng.chance(0.2)) words.push(rng.pick(TITLE_OPENERS));
  let tokens = tokenCount(words);
  let afterContent = false;
  while (tokens < length) {
    const connector: boolean = afterContent && tokens < length - 1 && rng.chance(0.3);
    words.push(connector ? rng.pick(CONNECTORS) : capitalize(contentWord(rng, topic)));
    afterContent = !connector;
    tokens++;
  }
  // A few titles hold LaTeX or letters beyond ASCII, which every title path must fold.
  if (rng.chance(SHARE.latexTitle)) words[rng.between(1, words.length - 1)] = rng.pick(LATEX_BITS);
  if (rng.chance(SHARE.accentTitle)) words[rng.between(1, words.length - 1)] = rng.pick(ACCENTED_WORDS);
  return words;
}

/** A follow-up's title: the earlier one with a word changed or an ending added. */
function followUpTitle(rng: Rng, topic: Topic, earlier: readonly string[]): string[] {
  const words = [...earlier];
  const ending = rng.pick(FOLLOW_UP_ENDINGS);
  if (rng.chance(0.5) && tokenCount(words) + tokenCount([ending]) <= MAX_TITLE_TOKENS) words.push(ending);
  else words[rng.between(1, words.length - 1)] = capitalize(topicWord(rng, topic));
  return words;
}

/** Appends a sentence of `length` words to `out` (one array per abstract: 100k abstracts make GC the bottleneck). */
function sentenceInto(out: string[], rng: Rng, topic: Topic, length: number): void {
  const start = out.length;
  if (rng.chance(0.35)) for (const word of rng.pick(OPENERS)) out.push(word);
  while (out.length - start < length) out.push(abstractWord(rng, topic));
  if (rng.chance(0.03)) out[start + rng.int(length)] = rng.pick(MATH_BITS);
  // After any opener (at most four words), so "In this work, we," never happens.
  const comma = start + rng.between(4, length - 3);
  if (length > 12 && rng.chance(0.4) && !out[comma]?.endsWith(',')) out[comma] += ',';
  out[start] = capitalize(out[start] ?? '');
  out[out.length - 1] += '.';
}

/** 120–250 words in sentences of 6–24. */
function abstractText(rng: Rng, topic: Topic): string {
  const target = rng.between(120, 244);
  const out: string[] = [];
  while (out.length < target)
    sentenceInto(out, rng, topic, Math.min(rng.between(10, 24), Math.max(6, target - out.length)));
  return out.join(' ');
}

/** A follow-up's abstract: most sentences kept, the others rewritten at the same length. */
function followUpAbstract(rng: Rng, topic: Topic, earlier: string): string {
  const out: string[] = [];
  for (const text of earlier.split(/(?<=\.) /)) {
    if (rng.chance(0.75)) out.push(text);
    else sentenceInto(out, rng, topic, text.split(' ').length);
  }
  return out.join(' ');
}

// ---------------------------------------------------------------- dates and ids

type Kind = 'new' | 'old' | 'doi';

interface Slot {
  kind: Kind;
  date: string;
}

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function dayIn(rng: Rng, year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(rng.between(1, daysIn(year, month)))}`;
}

/** Weighted years: arXiv grows ~20% a year (2026 only through March). */
const NEW_YEARS = Array.from({ length: 12 }, (_, i) => 2015 + i);
const NEW_YEAR_WEIGHTS = new Weighted(NEW_YEARS.map((year) => 1.2 ** (year - 2015) * (year === 2026 ? 0.25 : 1)));
const OLD_YEARS = Array.from({ length: 15 }, (_, i) => 1992 + i);
const OLD_YEAR_WEIGHTS = new Weighted(OLD_YEARS.map((year) => 1.15 ** (year - 1992)));

function slotDate(rng: Rng, kind: Kind): string {
  if (kind === 'doi') return `${rng.between(2005, 2025)}-01-01`; // BibTeX gives only a year
  const years = kind === 'old' ? OLD_YEARS : NEW_YEARS;
  const year = years[(kind === 'old' ? OLD_YEAR_WEIGHTS : NEW_YEAR_WEIGHTS).pick(rng)] as number;
  return dayIn(rng, year, rng.between(1, year === 2026 ? 3 : 12));
}

/** Every paper's id style and date, oldest first, so a follow-up always comes after what it follows. */
function plannedSlots(rng: Rng, count: number): Slot[] {
  const slots = Array.from({ length: count }, (): Slot => {
    const r = rng.next();
    const kind: Kind = r < SHARE.doiOnly ? 'doi' : r < SHARE.doiOnly + SHARE.oldStyle ? 'old' : 'new';
    return { kind, date: slotDate(rng, kind) };
  });
  return slots.sort((a, b) => compare(a.date, b.date));
}

/** The archive and primary category of an old-style id (stat, eess, econ and q-fin did not exist then). */
function oldStyle(primary: string): { archive: string; primary: string } {
  const replaced =
    { stat: 'math.ST', eess: 'cs.IT', econ: 'physics.soc-ph', 'q-fin': 'physics.soc-ph' }[
      primary.split('.')[0] ?? ''
    ] ?? primary;
  const archive = replaced.split('.')[0] ?? replaced;
  return { archive, primary: archive === 'astro-ph' ? 'astro-ph' : replaced };
}

/** Unique arXiv ids whose numbers rise through the month, as arXiv's do. */
class IdAllocator {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  newStyle(date: string): string {
    const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
    const volume = Math.round(8_800 * 1.12 ** (year - 2015));
    const n = 1 + Math.floor(((day - 1 + this.rng.next()) / daysIn(year, month)) * volume);
    return this.claim((k) => `${pad(year % 100)}${pad(month)}.${pad(n + k, 5)}`);
  }

  oldStyle(archive: string, date: string): string {
    const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
    const n = 1 + Math.floor(((day - 1 + this.rng.next()) / daysIn(year, month)) * 600);
    return this.claim((k) => `${archive}/${pad(year % 100)}${pad(month)}${pad(((n + k - 1) % 999) + 1, 3)}`);
  }

  /** The first id `make` gives, counting up from its wish, that is not taken. */
  private claim(make: (k: number) => string): string {
    for (let k = 0; ; k++) {
      const id = make(k);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}

/** DOI shapes by publisher, each for the categories that publish there. */
const DOI_TEMPLATES: { categories: RegExp; make(rng: Rng, year: number): string }[] = [
  {
    categories: /^(hep|gr-qc|math-ph|quant-ph|cond-mat|physics|nucl)/,
    make: (rng, year) =>
      `10.1103/${rng.pick(['physrevd', 'physrevb', 'physrevlett', 'physreva', 'physreve'])}.${year - 1917}.${pad(rng.int(1e6), 6)}`,
  },
  {
    categories: /^(hep|gr-qc)/,
    make: (rng, year) => `10.1007/jhep${pad(rng.between(1, 12))}(${year})${pad(rng.between(1, 250), 3)}`,
  },
  {
    categories: /^astro-ph/,
    make: (rng, year) => `10.1088/1475-7516/${year}/${pad(rng.between(1, 12))}/${pad(rng.between(1, 80), 3)}`,
  },
  { categories: /^astro-ph/, make: (rng) => `10.3847/1538-4357/a${rng.int(0xfffff).toString(16)}` },
  {
    categories: /^astro-ph/,
    make: (rng) => `10.1093/mnras/st${rng.pick(['ab', 'ac', 'ad'])}${rng.between(100, 3999)}`,
  },
  {
    categories: /^quant-ph/,
    make: (rng, year) => `10.22331/q-${year}-${pad(rng.between(1, 12))}-${rng.between(1, 28)}`,
  },
  {
    categories: /./,
    make: (rng, year) =>
      `10.1016/j.${rng.pick(['neunet', 'patcog', 'physletb', 'nuclphysb', 'jcp', 'artint', 'ins'])}.${year}.${pad(rng.int(1e6), 6)}`,
  },
  {
    categories: /./,
    make: (rng, year) =>
      `10.1007/s${rng.between(10_000, 11_999)}-${pad(year % 1000, 3)}-0${pad(rng.int(1e4), 4)}-${rng.int(10)}`,
  },
  {
    categories: /^(cs|stat|eess|math)/,
    make: (rng) => `10.1145/${rng.between(3e6, 3.7e6)}.${rng.between(3e6, 3.7e6)}`,
  },
  {
    categories: /^(cs|eess|stat)/,
    make: (rng, year) =>
      `10.1109/${rng.pick(['tpami', 'tnnls', 'cvpr', 'iccv', 'icassp', 'tsp', 'tit'])}.${year}.${rng.between(1e6, 9.9e6)}`,
  },
  {
    categories: /^cs\.(CL|AI|IR)/,
    make: (rng, year) =>
      `10.18653/v1/${year}.${rng.pick(['acl-long', 'emnlp-main', 'naacl-main', 'findings-acl'])}.${rng.between(1, 999)}`,
  },
];

/** A DOI not used yet, from a publisher of the category; sometimes arXiv's own DataCite DOI. */
function doiFor(rng: Rng, used: Set<string>, category: string, year: number, arxivId: string | null): string {
  if (arxivId && /^\d/.test(arxivId) && year >= 2022 && rng.chance(0.1)) return `10.48550/arxiv.${arxivId}`;
  const templates = DOI_TEMPLATES.filter((template) => template.categories.test(category));
  for (;;) {
    const doi = rng.pick(templates).make(rng, Math.max(year, 1995));
    if (!used.has(doi)) {
      used.add(doi);
      return doi;
    }
  }
}

// ---------------------------------------------------------------- papers

/** What the generator remembers of each paper, for follow-ups. */
interface Draft {
  topic: number;
  owners: number[];
  titleWords: string[];
}

interface Plan extends Draft {
  authors: string[];
  abstract: string;
}

interface Context {
  rng: Rng;
  addedAt: string;
  topics: Topic[];
  followed: Followed[];
  followedForms: Set<string>;
  pool: string[];
  leads: Weighted;
  followedCount: Weighted;
  matcher: AuthorMatcher;
  ids: IdAllocator;
  dois: Set<string>;
  titles: Set<string>;
  papers: LibraryPaper[];
  drafts: Draft[];
}

/** 1–12 authors, log-normal around 4, and now and then a collaboration of 30–100. */
function authorCount(rng: Rng): number {
  if (rng.chance(SHARE.largeCollaboration)) return rng.between(30, 100);
  return Math.max(1, Math.min(12, Math.round(Math.exp(1.35 + 0.55 * rng.normal()))));
}

/** The followed authors on a paper: a lead (prolific ones more often) and some of their followed collaborators. */
function followedOn(ctx: Context, limit: number): number[] {
  const { rng } = ctx;
  const lead = ctx.leads.pick(rng);
  const owners = [lead];
  const wanted = Math.min(limit, ctx.followedCount.pick(rng) + 1);
  const collaborators = ctx.followed[lead]?.collaborators ?? [];
  for (let tries = 0; owners.length < wanted && collaborators.length && tries < 20; tries++) {
    const other = rng.pick(collaborators);
    if (!owners.includes(other)) owners.push(other);
  }
  return owners;
}

function writtenName(rng: Rng, person: Followed): string {
  const r = rng.next();
  if (r < 0.85) return person.canonical;
  return r < 0.93 ? person.initials : (person.ascii ?? person.canonical);
}

/** The lead last (a group leader) or first more often than anywhere else; other followed authors anywhere. */
function placeOwners(rng: Rng, others: string[], owners: readonly string[]): string[] {
  const list = [...others];
  const [lead, ...rest] = owners;
  for (const name of rest) list.splice(rng.int(list.length + 1), 0, name);
  if (lead === undefined) return list;
  const r = rng.next();
  list.splice(r < 0.4 ? list.length : r < 0.7 ? 0 : rng.int(list.length + 1), 0, lead);
  return list;
}

/** n names: the owners, then coauthors from their circles (or, for a bibliography, a community's) and the pool. */
function authorList(ctx: Context, owners: readonly number[], n: number): string[] {
  const { rng, followed, pool } = ctx;
  const community = owners.length ? owners : followed.length ? [rng.int(followed.length)] : [];
  const circleShare = owners.length ? 0.7 : 0.5;
  const seen = new Set<string>();
  const others: string[] = [];
  while (others.length < n - owners.length) {
    const circle = community.length ? (followed[rng.pick(community)]?.circle ?? []) : [];
    const name =
      circle.length && rng.chance(circleShare)
        ? (circle[rng.skewed(circle.length)] as string)
        : (pool[rng.skewed(pool.length)] as string);
    if (seen.has(name)) continue;
    seen.add(name);
    others.push(name);
  }
  const written = owners.map((owner) => writtenName(rng, followed[owner] as Followed));
  return placeOwners(rng, others, written);
}

function topicFor(ctx: Context, owners: readonly number[]): number {
  const { rng } = ctx;
  const own = owners.length ? (ctx.followed[owners[0] ?? 0]?.topics ?? []) : [];
  if (!own.length || rng.chance(0.1)) return rng.int(ctx.topics.length);
  return rng.chance(0.6) ? (own[0] as number) : rng.pick(own);
}

function freshPlan(ctx: Context, withAbstract: boolean): Plan {
  const { rng } = ctx;
  const n = authorCount(rng);
  const owners = ctx.followed.length && !rng.chance(SHARE.noFollowed) ? followedOn(ctx, n) : [];
  const topicIndex = topicFor(ctx, owners);
  const topic = ctx.topics[topicIndex] as Topic;
  return {
    topic: topicIndex,
    owners,
    authors: authorList(ctx, owners, n),
    titleWords: titleWords(rng, topic),
    abstract: withAbstract ? abstractText(rng, topic) : '',
  };
}

/** A near-duplicate of an earlier paper: same group and topic, most title words and sentences kept. */
function followUpPlan(ctx: Context, earlier: number, withAbstract: boolean): Plan {
  const { rng } = ctx;
  const draft = ctx.drafts[earlier] as Draft;
  const paper = ctx.papers[earlier] as LibraryPaper;
  const topic = ctx.topics[draft.topic] as Topic;
  const authors = [...paper.authors];
  const dropped = authors.findIndex((name, i) => i > 0 && !ctx.followedForms.has(name));
  if (dropped > 0 && rng.chance(0.3)) authors.splice(dropped, 1);
  const newcomer = ctx.pool[rng.int(ctx.pool.length)] as string;
  if (rng.chance(0.3) && !authors.includes(newcomer)) authors.push(newcomer);
  const abstract = !withAbstract
    ? ''
    : paper.abstract
      ? followUpAbstract(rng, topic, paper.abstract)
      : abstractText(rng, topic);
  return { ...draft, authors, titleWords: followUpTitle(rng, topic, draft.titleWords), abstract };
}

/** The title, a topic word added (or swapped in at full length) until no earlier paper has it. */
function uniqueTitle(ctx: Context, plan: Plan): string {
  const { rng } = ctx;
  const topic = ctx.topics[plan.topic] as Topic;
  let title = plan.titleWords.join(' ');
  for (let normalized = normalizeText(title); ctx.titles.has(normalized); normalized = normalizeText(title)) {
    const word = capitalize(topicWord(rng, topic));
    if (tokenCount(plan.titleWords) < MAX_TITLE_TOKENS) plan.titleWords.push(word);
    else plan.titleWords[rng.between(1, plan.titleWords.length - 1)] = word;
    title = plan.titleWords.join(' ');
  }
  ctx.titles.add(normalizeText(title));
  return title;
}

/** The id and primary category a slot gives a paper of the topic. */
function identify(ctx: Context, slot: Slot, topic: Topic): { arxivId: string | null; primary: string | null } {
  const { rng } = ctx;
  const primary = rng.chance(0.85) ? topic.primary : rng.pick((FIELDS[topic.field] as Field).categories);
  if (slot.kind === 'doi') return { arxivId: null, primary: null };
  if (slot.kind === 'new') return { arxivId: ctx.ids.newStyle(slot.date), primary };
  const old = oldStyle(primary);
  return { arxivId: ctx.ids.oldStyle(old.archive, slot.date), primary: old.primary };
}

function paperDoi(ctx: Context, slot: Slot, topic: Topic, arxivId: string | null): string | null {
  const { rng } = ctx;
  const year = Number(slot.date.slice(0, 4));
  const physics = /^(hep|gr-qc|math-ph|quant-ph|cond-mat|physics|nucl|astro-ph)/.test(topic.primary);
  const share = (physics ? SHARE.doiPhysics : SHARE.doiOther) / (year >= 2025 ? 3 : 1);
  if (slot.kind !== 'doi' && !rng.chance(slot.kind === 'old' ? 0.6 : share)) return null;
  return doiFor(rng, ctx.dois, topic.primary, year, arxivId);
}

/** The order of LibraryPaperSchema's fields, which an export writes them in. */
const PAPER_KEYS = Object.keys(LibraryPaperSchema.shape) as (keyof LibraryPaper)[];

function inSchemaOrder(paper: LibraryPaper): LibraryPaper {
  const ordered: Record<string, unknown> = {};
  for (const key of PAPER_KEYS) ordered[key] = paper[key];
  return ordered as LibraryPaper;
}

function versionOf(rng: Rng, date: string): number {
  const r = rng.next();
  const drawn = r < 0.5 ? 1 : r < 0.8 ? 2 : r < 0.92 ? 3 : r < 0.97 ? 4 : 5;
  // A paper from last week has had no time for a v3.
  return Math.min(drawn, 1 + Math.floor((END_TIME - Date.parse(date)) / (30 * DAY)));
}

/** One paper, built by the library's own toLibraryPaper from what a file would give, its owners by the real matcher. */
function buildPaper(ctx: Context, slot: Slot): void {
  const { rng } = ctx;
  const index = ctx.papers.length;
  const withAbstract = slot.kind !== 'doi' || rng.chance(SHARE.doiAbstract);
  const plan =
    index > 0 && rng.chance(SHARE.followUp)
      ? followUpPlan(ctx, rng.int(index), withAbstract)
      : freshPlan(ctx, withAbstract);
  const topic = ctx.topics[plan.topic] as Topic;
  const { arxivId, primary } = identify(ctx, slot, topic);
  const incoming: IncomingPaper = {
    arxivId,
    version: arxivId ? versionOf(rng, slot.date) : null,
    doi: paperDoi(ctx, slot, topic, arxivId),
    title: uniqueTitle(ctx, plan),
    authors: plan.authors,
    abstract: plan.abstract,
    primaryCategory: primary,
    categories: primary ? [primary] : [],
    date: slot.date,
    updated: null,
    journalRef: null,
    comments: null,
  };
  const context = { followedAuthorIds: ctx.matcher.match(plan.authors).ids, source: 'file' as const, at: ctx.addedAt };
  const paper = inSchemaOrder(toLibraryPaper(incoming, undefined, context));
  if (paper.id !== keyOf(incoming)) throw new Error(`paper ${paper.id} is not keyed as the library keys it`);
  ctx.papers.push(paper);
  ctx.drafts.push({ topic: plan.topic, owners: plan.owners, titleWords: plan.titleWords });
}

/** The import time every paper shares: fixed by the seed, after every paper's date. */
function addedAtFor(seed: number): string {
  return new Date(Date.UTC(2026, 3, 1, 8) + ((seed >>> 0) % 86_400) * 1000).toISOString();
}

function checkOptions({ papers, authors = 500 }: ScaleOptions): void {
  if (!Number.isInteger(papers) || papers < 0) throw new RangeError(`papers must be a whole number, not ${papers}`);
  if (!Number.isInteger(authors) || authors < 1 || authors > 5_000) {
    throw new RangeError(`authors must be a whole number from 1 to 5000, not ${authors}`);
  }
}

/** A library of `papers` papers over `authors` followed authors; the same options give the same library. */
export function generateLibrary(options: ScaleOptions): ScaleLibrary {
  checkOptions(options);
  const { papers, authors = 500, seed = 1 } = options;
  const rng = new Rng(seed);
  const addedAt = addedAtFor(seed);
  const topics = buildTopics(rng);
  const followed = buildFollowed(rng, authors, topics, addedAt);
  const matcher = createAuthorMatcher(followed.map((person) => person.author));
  const pool = coauthorPool(rng, matcher, POOL_SIZE);
  connect(rng, followed, pool);
  // Log-normal output, a few three times as prolific: most authors have papers, a few have many.
  const leadWeights = followed.map(() => Math.exp(0.8 * rng.normal()) * (rng.chance(0.03) ? 3 : 1));
  const ctx: Context = {
    rng,
    addedAt,
    topics,
    followed,
    followedForms: new Set(followed.flatMap((person) => [person.canonical, person.initials, person.ascii ?? ''])),
    pool: pool.names,
    leads: new Weighted(leadWeights),
    followedCount: new Weighted([0.36, 0.28, 0.18, 0.1, 0.05, 0.03]),
    matcher,
    ids: new IdAllocator(rng),
    dois: new Set(),
    titles: new Set(),
    papers: [],
    drafts: [],
  };
  for (const slot of plannedSlots(rng, papers)) buildPaper(ctx, slot);
  return { authors: followed.map((person) => person.author), papers: ctx.papers };
}

// ---------------------------------------------------------------- library file

function defaultExportedAt(library: ScaleLibrary): string {
  let latest = '2026-04-01T08:00:00.000Z';
  for (const author of library.authors) if (author.followedAt > latest) latest = author.followedAt;
  for (const paper of library.papers) if (paper.addedAt > latest) latest = paper.addedAt;
  return latest;
}

/** The library as a Paperlens library file object, ordered as the extension's export orders it. */
export function toLibraryFile(library: ScaleLibrary, exportedAt = defaultExportedAt(library)): LibraryFile {
  return {
    format: LIBRARY_FORMAT,
    version: LIBRARY_FILE_VERSION,
    exportedAt,
    authors: [...library.authors].sort((a, b) => compare(a.followedAt, b.followedAt) || compare(a.id, b.id)),
    papers: [...library.papers].sort((a, b) => compare(a.id, b.id)),
  };
}

function* arrayChunks(key: string, records: readonly object[], after: string): Generator<string> {
  if (!records.length) {
    yield `  "${key}": []${after}`;
    return;
  }
  yield `  "${key}": [\n`;
  const last = records.length - 1;
  for (let i = 0; i <= last; i++) {
    yield `    ${JSON.stringify(records[i], null, 2).replace(/\n/g, '\n    ')}${i < last ? ',' : ''}\n`;
  }
  yield `  ]${after}`;
}

/**
 * The library file's text in pieces, one record at a time, so a 100k-paper file
 * never sits in memory whole; joined, the same text as the extension's export.
 */
export function* libraryFileChunks(library: ScaleLibrary, exportedAt?: string): Generator<string> {
  const file = toLibraryFile(library, exportedAt);
  yield `{\n  "format": ${JSON.stringify(file.format)},\n  "version": ${file.version},\n`;
  yield `  "exportedAt": ${JSON.stringify(file.exportedAt)},\n`;
  yield* arrayChunks('authors', file.authors, ',\n');
  yield* arrayChunks('papers', file.papers, '\n');
  yield '}\n';
}

// ---------------------------------------------------------------- arXiv snapshot

/** LaTeX accents, as arXiv's `authors` field writes names ("Bal\'azs"); authors_parsed keeps the letters. */
const TEX_ACCENTS: Record<string, string> = {
  á: "\\'a",
  é: "\\'e",
  í: "\\'i",
  ó: "\\'o",
  ú: "\\'u",
  ś: "\\'s",
  ń: "\\'n",
  ö: '\\"o',
  ü: '\\"u',
  ä: '\\"a',
  ë: '\\"e',
  ç: '\\c{c}',
  Ç: '\\c{C}',
  ñ: '\\~n',
  ł: '{\\l}',
  Ł: '{\\L}',
  ø: '{\\o}',
  ą: '\\k{a}',
  ę: '\\k{e}',
  ő: '\\H{o}',
  è: '\\`e',
};

const texName = (name: string): string => name.replace(/[^\0-\x7f]/g, (ch) => TEX_ACCENTS[ch] ?? ch);

function authorsLine(rng: Rng, authors: readonly string[]): string {
  const names = authors.map(texName);
  if (names.length < 3 || rng.chance(0.5)) return names.length === 2 ? names.join(' and ') : names.join(', ');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** `[last, first, suffix]`, as the snapshot parses names. */
function parsedName(name: string): string[] {
  const space = name.lastIndexOf(' ');
  return space < 0 ? [name, '', ''] : [name.slice(space + 1), name.slice(0, space), ''];
}

/** Text broken at spaces into lines of about `width`, as the snapshot's titles and abstracts are. */
function wrap(text: string, width: number, joint: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(joint);
}

/** `Mon, 2 Apr 2007 19:18:42 GMT`, as arXiv stamps versions. */
function rfc2822(time: number): string {
  const [weekday, day, month, year, clock] = new Date(time).toUTCString().split(' ');
  return `${weekday} ${Number(day)} ${month} ${year} ${clock} GMT`;
}

function versionsOf(rng: Rng, paper: LibraryPaper): { versions: { version: string; created: string }[]; last: number } {
  let time = Date.parse(`${paper.date}T00:00:00Z`) + rng.int(86_400) * 1000;
  const versions = [{ version: 'v1', created: rfc2822(time) }];
  for (let v = 2; v <= (paper.version ?? 1); v++) {
    time = Math.min(END_TIME, time + rng.between(1, 30) * DAY + rng.int(3_600) * 1000);
    versions.push({ version: `v${v}`, created: rfc2822(time) });
  }
  return { versions, last: time };
}

function categoriesOf(rng: Rng, paper: LibraryPaper): string[] {
  const old = paper.year < 2007;
  const pool = (NEIGHBOURS.get(paper.primaryCategory) ?? []).filter((c) => !(old && NEW_ARCHIVES.test(c)));
  const extra = Math.min(pool.length, [0, 0, 0, 1, 1, 1, 2, 2, 3][rng.int(9)] ?? 0);
  const chosen = [paper.primaryCategory];
  while (chosen.length <= extra) {
    const category = rng.pick(pool);
    if (!chosen.includes(category)) chosen.push(category);
  }
  return chosen;
}

function commentsOf(rng: Rng, paper: LibraryPaper): string | null {
  const r = rng.next();
  if (r < 0.25) return null;
  if (r < 0.8) return `${rng.between(4, 60)} pages, ${rng.between(1, 20)} figures`;
  if (r < 0.9 && /^(cs|stat)/.test(paper.primaryCategory)) {
    return `Accepted at ${rng.pick(['NeurIPS', 'ICML', 'ICLR', 'ACL', 'CVPR', 'AAAI'])} ${Math.min(2026, paper.year + 1)}`;
  }
  return `v${paper.version ?? 1}: ${rng.pick(['minor revisions', 'references added', 'published version'])}`;
}

const JOURNALS: Record<string, string> = {
  '10.1103': 'Phys. Rev.',
  '10.1007': 'JHEP',
  '10.1088': 'JCAP',
  '10.3847': 'ApJ',
  '10.1093': 'MNRAS',
  '10.22331': 'Quantum',
  '10.1016': 'Neural Networks',
  '10.1145': 'Proc. ACM',
  '10.1109': 'IEEE Trans.',
  '10.18653': 'Proc. ACL',
};

function journalRefOf(rng: Rng, paper: LibraryPaper, doi: string): string | null {
  const journal = JOURNALS[doi.slice(0, doi.indexOf('/'))];
  if (!journal || !rng.chance(0.7)) return null;
  return `${journal} ${rng.between(1, 140)} (${paper.year + rng.int(2)}) ${rng.between(1, 9999)}`;
}

/** One record as the public snapshot holds it (its field order), extra fields seeded by the paper's id. */
function snapshotRecord(paper: LibraryPaper): Record<string, unknown> {
  const rng = new Rng(hash(paper.id));
  const { versions, last } = versionsOf(rng, paper);
  const updated = Math.min(END_TIME, last + (rng.chance(0.5) ? 0 : rng.between(1, 30) * DAY));
  const hep = paper.primaryCategory.startsWith('hep');
  return {
    id: paper.id,
    submitter: rng.chance(0.7) ? paper.authors[0] : rng.pick(paper.authors),
    authors: authorsLine(rng, paper.authors),
    title: wrap(paper.title, 70, '\n  '),
    comments: commentsOf(rng, paper),
    'journal-ref': paper.doi ? journalRefOf(rng, paper, paper.doi) : null,
    doi: paper.doi,
    'report-no':
      hep && rng.chance(0.1) ? `${rng.pick(['CERN-TH', 'DESY', 'SLAC-PUB'])}-${paper.year}-${rng.int(300)}` : null,
    categories: categoriesOf(rng, paper).join(' '),
    license: paper.year < 2008 ? null : rng.pick(LICENSES),
    abstract: `  ${wrap(paper.abstract, 78, '\n')}\n`,
    versions,
    update_date: new Date(updated).toISOString().slice(0, 10),
    authors_parsed: paper.authors.map(parsedName),
  };
}

const LICENSES = [
  'http://arxiv.org/licenses/nonexclusive-distrib/1.0/',
  'http://arxiv.org/licenses/nonexclusive-distrib/1.0/',
  'http://creativecommons.org/licenses/by/4.0/',
  'http://creativecommons.org/licenses/by-nc-sa/4.0/',
  null,
];

/** JSON as Python's json.dumps writes it (", " and ": "), which is how the snapshot is written. */
function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).map(([key, inner]) => `${JSON.stringify(key)}: ${pythonJson(inner)}`);
    return `{${fields.join(', ')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** One arXiv metadata snapshot record per paper with an arXiv id (the public bulk format), as JSON text lines. */
export function* snapshotLines(library: ScaleLibrary): Generator<string> {
  for (const paper of library.papers) {
    if (!paper.id.startsWith('doi:')) yield pythonJson(snapshotRecord(paper));
  }
}
