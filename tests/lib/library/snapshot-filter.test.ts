import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  categoryTest,
  DEFAULT_SNAPSHOT_FILTER,
  describeSnapshotFilter,
  parseCategories,
  type SnapshotFilter,
  snapshotFilterProblem,
  snapshotKeep,
  splitCategories,
} from '../../../lib/library/snapshot-filter';

const filter = (change: Partial<SnapshotFilter>): SnapshotFilter => ({ ...DEFAULT_SNAPSHOT_FILTER, ...change });

describe('parseCategories', () => {
  it.each<[string, string[]]>([
    ['cs.LG, stat.ML', ['cs.LG', 'stat.ML']],
    ['hep-th', ['hep-th']],
    ['  cs.LG  stat.ML,,cs.CL\n', ['cs.LG', 'stat.ML', 'cs.CL']],
    ['cond-mat.str-el physics.acc-ph', ['cond-mat.str-el', 'physics.acc-ph']],
    // Archives are lower case at arXiv; the subject class is kept as written.
    ['CS.LG, Math, cs.LG', ['cs.LG', 'math']],
    ['', []],
    [' , ', []],
  ])('reads %j', (text, categories) => {
    expect(parseCategories(text)).toEqual({ ok: true, categories });
  });

  it.each([
    ['cs..LG', 'cs..LG'],
    ['cs.LG, stat.', 'stat.'],
    ['cs.LG; stat.ML', 'cs.LG;'],
    ['.LG', '.LG'],
    ['cs.LG/2401', 'cs.LG/2401'],
    ['2401.12345', '2401.12345'],
  ])('names the bad entry in %j', (text, entry) => {
    expect(parseCategories(text)).toEqual({
      ok: false,
      error: `“${entry}” is not an arXiv category; write them like cs.LG, stat.ML or hep-th`,
    });
  });

  it('quotes no more than 40 characters of a bad entry', () => {
    const read = parseCategories(`cs.LG ${'x.'.repeat(500)}`);
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.error).toBe(
        `“${'x.'.repeat(20)}…” is not an arXiv category; write them like cs.LG, stat.ML or hep-th`,
      );
  });

  const word = fc.stringMatching(/^[a-z]{1,8}(?:-[a-z]{1,6})?$/);
  const subject = fc.stringMatching(/^[A-Za-z]{1,8}(?:-[a-z]{1,6})?$/);
  const category = fc
    .tuple(word, fc.option(subject, { nil: undefined }))
    .map(([archive, sub]) => (sub === undefined ? archive : `${archive}.${sub}`));
  const separator = fc.constantFrom(', ', ',', ' ', '\n', ' ,\t');

  it('reads back any list of categories, however separated', () => {
    fc.assert(
      fc.property(fc.uniqueArray(category, { maxLength: 12 }), separator, (categories, sep) => {
        expect(parseCategories(categories.join(sep))).toEqual({ ok: true, categories });
        expect(parseCategories(` ${categories.join(', ')} `)).toEqual({ ok: true, categories });
      }),
    );
  });

  it('never throws on garbage, and names an entry of the text when it refuses', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const read = parseCategories(text);
        if (read.ok) expect(read.categories.length).toBeLessThanOrEqual(splitCategories(text).length);
        else expect(splitCategories(text).some((entry) => read.error.startsWith(`“${entry.slice(0, 40)}`))).toBe(true);
        const garbage = filter({ followed: false, categories: splitCategories(text) });
        snapshotFilterProblem(garbage);
        describeSnapshotFilter(garbage);
        snapshotKeep(garbage, () => true)({ authors: [text], categories: splitCategories(text) });
      }),
    );
  });
});

describe('categoryTest', () => {
  it.each<[string[], string[], boolean]>([
    [['cs.LG'], ['cs.LG', 'stat.ML'], true],
    [['stat.ML'], ['cs.LG', 'stat.ML'], true],
    [['cs.LG'], ['cs.CL'], false],
    // An archive takes every class of it, and only of it.
    [['cs'], ['cs.LG'], true],
    [['cond-mat'], ['cond-mat.str-el'], true],
    [['math'], ['math-ph'], false],
    [['hep-th'], ['hep-th'], true],
    [['hep'], ['hep-th'], false],
    [['CS'], ['cs.AI'], true],
    // The subject class is compared as arXiv writes it.
    [['cs.lg'], ['cs.LG'], false],
    [['cs.LG'], ['cs'], false],
  ])('%j against %j: %s', (wanted, categories, kept) => {
    expect(categoryTest(wanted)(categories)).toBe(kept);
  });
});

describe('snapshotKeep', () => {
  const followedNames = (authors: string[]) => authors.includes('Jan Ludziejewski');
  const jan = { authors: ['Jan Ludziejewski'], categories: ['math.CO'] };
  const janInLg = { authors: ['Jan Ludziejewski'], categories: ['cs.LG'] };
  const strangerInLg = { authors: ['Ada Lovelace'], categories: ['cs.LG'] };
  const stranger = { authors: ['Ada Lovelace'], categories: ['hep-th'] };
  const records = [jan, janInLg, strangerInLg, stranger];

  it.each<[string, Partial<SnapshotFilter>, boolean[]]>([
    ['followed only (the default)', {}, [true, true, false, false]],
    ['categories only', { followed: false, categories: ['cs.LG'] }, [false, true, true, false]],
    ['followed and in categories', { categories: ['cs.LG'], join: 'and' }, [false, true, false, false]],
    ['followed or in categories', { categories: ['cs.LG'], join: 'or' }, [true, true, true, false]],
  ])('%s', (_, change, kept) => {
    const keep = snapshotKeep(filter(change), followedNames);
    expect(records.map(keep)).toEqual(kept);
  });
});

describe('snapshotFilterProblem and describeSnapshotFilter', () => {
  it('refuses a filter that keeps nothing, and a bad category', () => {
    expect(snapshotFilterProblem(filter({ followed: false }))).toBe(
      'the snapshot filter keeps no record: tick “Records naming an author you follow” or name categories (Paperlens does not import the whole snapshot)',
    );
    expect(snapshotFilterProblem(filter({ categories: ['cs..LG'] }))).toMatch(/^“cs\.\.LG” is not an arXiv category/);
    expect(snapshotFilterProblem(filter({}))).toBeNull();
    expect(snapshotFilterProblem(filter({ followed: false, categories: ['hep-th'] }))).toBeNull();
  });

  it.each<[Partial<SnapshotFilter>, string]>([
    [{}, 'names an author you follow'],
    [{ categories: ['cs.LG'], join: 'or' }, 'names an author you follow or is in cs.LG'],
    [{ categories: ['cs.LG', 'stat.ML'], join: 'and' }, 'names an author you follow and is in cs.LG or stat.ML'],
    [{ followed: false, categories: ['a', 'b', 'c'] }, 'is in a, b or c'],
    [{ followed: false, categories: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'is in a, b, c, d or 2 other categories'],
  ])('describes %j', (change, text) => {
    expect(describeSnapshotFilter(filter(change))).toBe(text);
  });
});
