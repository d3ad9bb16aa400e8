import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutControls } from '../../../lib/text/controls';

/** Whether a character is a control other than tab, LF and CR, by its code point. */
const isControl = (ch: string) => {
  const code = ch.codePointAt(0) ?? 0;
  return (code < 0x20 && ch !== '\t' && ch !== '\n' && ch !== '\r') || (code >= 0x7f && code <= 0x9f);
};

describe('withoutControls', () => {
  it('drops NUL, escape, DEL and C1 controls, keeping tabs, line breaks and every printable character', () => {
    expect(withoutControls('a\u0000b\u001b[31mc\u007fd\u0085e\tf\ng\r\nh μ')).toBe('ab[31mcde\tf\ng\r\nh μ');
  });

  it('leaves no control character but tab, LF and CR, and changes text without them not at all (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const clean = withoutControls(text);
        expect([...clean].some(isControl)).toBe(false);
        expect(withoutControls(clean)).toBe(clean);
        if (![...text].some(isControl)) expect(clean).toBe(text);
      }),
    );
  });
});
