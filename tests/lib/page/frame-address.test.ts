import { describe, expect, it } from 'vitest';
import { frameAddress } from '../../../lib/page/frame-address';

const frame = (href: string, origin: string, extra: { ancestorOrigins?: string[]; referrer?: string } = {}) => ({
  location: { href, protocol: new URL(href).protocol, ancestorOrigins: extra.ancestorOrigins } as unknown as Location,
  origin,
  document: { referrer: extra.referrer ?? '' },
});

describe('frameAddress', () => {
  it.each([
    [
      'an http(s) page, its own address',
      frame('https://blog.example/post?x=1', 'https://blog.example'),
      'https://blog.example/post?x=1',
    ],
    ['a srcdoc frame, the origin of its page', frame('about:srcdoc', 'https://blog.example'), 'https://blog.example/'],
    [
      'an about:blank frame, the origin of its page',
      frame('about:blank', 'https://news.example'),
      'https://news.example/',
    ],
    [
      'a data: frame (opaque origin), its parent as Chrome tells it',
      frame('data:text/html,<a>x</a>', 'null', { ancestorOrigins: ['https://blog.example'] }),
      'https://blog.example/',
    ],
    [
      'a data: frame, else the page that loaded it',
      frame('data:text/html,x', 'null', { referrer: 'https://feed.example/list' }),
      'https://feed.example/',
    ],
    ['a data: frame that names no parent, its own address', frame('data:text/html,x', 'null'), 'data:text/html,x'],
  ])('for %s', (_case, view, expected) => {
    expect(frameAddress(view)).toBe(expected);
  });
});
