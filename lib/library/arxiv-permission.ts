import { ARXIV_API_PERMISSION } from './arxiv-api';

/** The part of `browser.permissions` asking for arXiv's API needs. */
export interface PermissionRequester {
  request(permissions: { origins: string[] }): Promise<boolean>;
}

/** What a user who refused the permission is told. */
export const ARXIV_REFUSED =
  'Paperlens was not allowed to reach export.arxiv.org, so nothing was fetched. Press the button again and allow it to fetch papers from arXiv.';

/**
 * Asks for arXiv's API host, then runs `action` only if it was granted. Call it
 * straight from a click handler: the request goes out before anything is awaited,
 * while the browser still counts the click as the user's (it asks nothing when
 * the permission is already held).
 */
export async function withArxivPermission<T>(
  permissions: PermissionRequester,
  action: () => Promise<T>,
): Promise<{ granted: true; value: T } | { granted: false }> {
  const granted = await permissions.request({ origins: [ARXIV_API_PERMISSION] });
  if (!granted) return { granted: false };
  return { granted: true, value: await action() };
}
