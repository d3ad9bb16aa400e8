import { normalizeText } from './text/normalize';

/** A person's name split for matching: folded given-name parts and the folded family name. */
export interface NameKey {
  given: string[];
  family: string;
}

/** `Maciej Pióro` → { given: ['maciej'], family: 'pioro' }; `M. Pioro` → { given: ['m'], family: 'pioro' }. */
export function nameKey(name: string): NameKey | null {
  // "Pióro, Maciej" (family first) is written the other way round.
  const comma = name.indexOf(',');
  const ordered = comma > 0 ? `${name.slice(comma + 1)} ${name.slice(0, comma)}` : name;
  const parts = normalizeText(ordered.replace(/-/g, '')).split(' ').filter(Boolean);
  const family = parts.pop();
  return family ? { given: parts, family } : null;
}

/**
 * Whether two written names may be the same person: same family name (accents
 * and case aside), and given names that agree where both are present, an
 * initial matching any name starting with it ("M. Pioro" is "Maciej Pióro";
 * "Alexander H. Liu" is "A. Liu"). A bare family name never matches.
 */
export function sameName(a: NameKey, b: NameKey): boolean {
  if (a.family !== b.family) return false;
  const [first] = a.given;
  const [other] = b.given;
  return first !== undefined && other !== undefined && sameFirstName(first, other);
}

/** Whether two folded first given names can be one person's: the same, or either an initial of the other. */
export function sameFirstName(first: string, other: string): boolean {
  if (!first || !other) return false;
  return first.length === 1 || other.length === 1 ? first[0] === other[0] : first === other;
}

/** Names from `known` (the author's coauthors) that appear in `authors` (a page's author list), in `known` order. */
export function matchCoauthors(authors: readonly string[], known: readonly string[]): string[] {
  const keys = authors.map(nameKey).filter((key): key is NameKey => key !== null);
  return known.filter((name) => {
    const key = nameKey(name);
    return key !== null && keys.some((other) => sameName(key, other));
  });
}
