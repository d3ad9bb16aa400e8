// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { type BadgeLayer, createBadgedLinks } from '../../../lib/scan/badged-links';
import type { BadgeAnchor } from '../../../lib/scan/mentions';
import { summaryOf } from '../../helpers/papers';

function layer(refuse?: Element): BadgeLayer & { shown: Map<BadgeAnchor, string> } {
  const shown = new Map<BadgeAnchor, string>();
  return {
    shown,
    attach(anchor, paper) {
      if (anchor === refuse) throw new DOMException('Only one element on document allowed.', 'HierarchyRequestError');
      shown.set(anchor, paper.id);
    },
    detach: (anchor) => void shown.delete(anchor),
    isOwn: () => false,
  };
}

/** Two links in the page. */
const links = (): [Element, Element] => {
  const [a, b] = [document.createElement('a'), document.createElement('a')];
  document.body.append(a, b);
  return [a, b];
};

describe('createBadgedLinks', () => {
  it('reports the set of papers linked only when it changes', () => {
    const reported: string[][] = [];
    const badges = layer();
    const book = createBadgedLinks(badges, (ids) => reported.push([...ids].sort()));
    const [a, b] = links();
    book.attach(a, summaryOf('2402.07871'));
    book.attach(b, summaryOf('2402.07871'));
    expect(book.changed).toBe(true);
    book.report();
    expect(book.changed).toBe(false);
    book.detach(b);
    book.report();
    book.attach(b, summaryOf('2401.04081'));
    book.report();
    expect(reported).toEqual([['2402.07871'], ['2401.04081', '2402.07871']]);
    expect(badges.shown.get(b)).toBe('2401.04081');
  });

  it('keeps going when the page does not let one link be badged', () => {
    const [bad, good] = links();
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const book = createBadgedLinks(layer(bad));
    book.attach(bad, summaryOf('2402.07871'));
    book.attach(good, summaryOf('2401.04081'));
    expect([...book.map.keys()]).toEqual([good]);
    debug.mockRestore();
  });

  it('sweeps: badges links still in the page again and forgets those gone; clear removes all', () => {
    const badges = layer();
    const book = createBadgedLinks(badges);
    const [stays, goes] = links();
    book.attach(stays, summaryOf('2402.07871'));
    book.attach(goes, summaryOf('2401.04081'));
    badges.shown.delete(stays);
    goes.remove();
    book.sweep();
    expect([...badges.shown]).toEqual([[stays, '2402.07871']]);
    expect([...book.map.keys()]).toEqual([stays]);
    book.clear();
    expect(badges.shown.size).toBe(0);
    expect(book.map.size).toBe(0);
  });
});
