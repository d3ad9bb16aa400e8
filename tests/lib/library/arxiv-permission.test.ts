import { describe, expect, it, vi } from 'vitest';
import { ARXIV_API_PERMISSION } from '../../../lib/library/arxiv-api';
import { withArxivPermission } from '../../../lib/library/arxiv-permission';

describe('withArxivPermission', () => {
  it('asks for the permission before anything is awaited, then runs the action', async () => {
    const calls: string[] = [];
    const permissions = {
      request: vi.fn(async () => {
        calls.push('request');
        return true;
      }),
    };
    const action = vi.fn(async () => {
      calls.push('action');
      return 'sent';
    });
    const pending = withArxivPermission(permissions, action);
    // Still inside the click: the request must already be out.
    expect(permissions.request).toHaveBeenCalledWith({ origins: [ARXIV_API_PERMISSION] });
    expect(action).not.toHaveBeenCalled();
    expect(await pending).toEqual({ granted: true, value: 'sent' });
    expect(calls).toEqual(['request', 'action']);
  });

  it('runs nothing when the user refuses', async () => {
    const action = vi.fn(async () => 'sent');
    expect(await withArxivPermission({ request: async () => false }, action)).toEqual({ granted: false });
    expect(action).not.toHaveBeenCalled();
  });

  it('runs nothing when the browser will not ask', async () => {
    const action = vi.fn(async () => 'sent');
    const refused = withArxivPermission({ request: () => Promise.reject(new Error('not a user gesture')) }, action);
    await expect(refused).rejects.toThrow('not a user gesture');
    expect(action).not.toHaveBeenCalled();
  });
});
