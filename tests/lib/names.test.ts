import { describe, expect, it } from 'vitest';
import { matchCoauthors, nameKey, sameName } from '../../lib/names';

const same = (a: string, b: string) => sameName(nameKey(a)!, nameKey(b)!);

describe('sameName', () => {
  it.each([
    ['Maciej Pióro', 'M. Pioro'],
    ['Maciej Pióro', 'maciej pioro'],
    ['Michał Krutul', 'Michal Krutul'],
    ['Jan Małaśnicki', 'J. Malasnicki'],
    ['Alexander H. Liu', 'A. Liu'],
    ['Tomasz Odrzygóźdź', 'Tomasz Odrzygozdz'],
    ['Pióro, Maciej', 'Maciej Pioro'],
    ['Chen-Yo Sun', 'ChenYo Sun'],
  ])('%s is %s', (a, b) => {
    expect(same(a, b)).toBe(true);
  });

  it.each([
    ['Maciej Pióro', 'Marek Pioro'],
    ['Maciej Pióro', 'K. Pioro'],
    ['Maciej Pióro', 'Pioro'],
    ['Jan Ludziejewski', 'Jan Kowalski'],
    ['Andy Lo', 'Andy Long'],
  ])('%s is not %s', (a, b) => {
    expect(same(a, b)).toBe(false);
  });
});

describe('matchCoauthors', () => {
  it('returns the known names found in a page author list', () => {
    expect(
      matchCoauthors(
        ['J. Doe', 'M. Pioro', 'Sebastian Jaszczur', 'Jan Kowalski'],
        ['Maciej Pióro', 'Michał Krutul', 'Sebastian Jaszczur'],
      ),
    ).toEqual(['Maciej Pióro', 'Sebastian Jaszczur']);
  });

  it('ignores empty names', () => {
    expect(matchCoauthors(['', '  '], ['Maciej Pióro'])).toEqual([]);
  });
});
