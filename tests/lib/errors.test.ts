import { describe, expect, it } from 'vitest';
import { isRestartError, plainError } from '../../lib/errors';

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('plainError', () => {
  it.each([
    [new DOMException('The quota has been exceeded.', 'QuotaExceededError'), /disk is full.*Free some space/],
    [new DOMException('The database connection is closing.', 'InvalidStateError'), /could not reach its storage/],
    [named('InvalidStateError', 'Failed to execute transaction'), /could not reach its storage/],
    [named('UnknownError', 'Internal error'), /nothing was changed\. Try again/],
    [new Error('The message port closed before a response was received.'), /restarting and did not answer/],
    [new Error('Could not establish connection. Receiving end does not exist.'), /restarting and did not answer/],
    [new Error('Extension context invalidated.'), /Reload this page/],
  ])('puts %s in plain words', (error, expected) => {
    expect(plainError(error)).toMatch(expected);
    expect(plainError(error)).not.toMatch(/DOMException|InvalidStateError|port|Receiving end/);
  });

  it('passes Paperlens’s own messages through, and turns anything else into text', () => {
    expect(plainError(new Error('arXiv:2402.07871 is not in your reading list; save it first.'))).toBe(
      'arXiv:2402.07871 is not in your reading list; save it first.',
    );
    expect(plainError('plain')).toBe('plain');
  });
});

describe('isRestartError', () => {
  it('tells a worker that stopped mid-request from other failures', () => {
    expect(
      isRestartError(
        new Error(
          'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
        ),
      ),
    ).toBe(true);
    expect(isRestartError(new Error('No response'))).toBe(true);
    expect(isRestartError(new Error('invalid saveToReadingList request: id'))).toBe(false);
  });
});
