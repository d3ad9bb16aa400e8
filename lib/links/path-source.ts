import { parseArxivId } from './arxiv-id';
import type { IdRef, LinkSource, SourceName } from './types';

/**
 * Builds a source that accepts URLs on one of `hosts` whose path matches one of `paths`;
 * each pattern names the arXiv id candidate with an `id` group, and {@link parseArxivId}
 * has the final say on it.
 *
 * `readPath` lets a source see the path differently (decoded, for instance); returning
 * null rejects the URL.
 */
export function pathSource(
  name: SourceName,
  hosts: readonly string[],
  paths: readonly RegExp[],
  readPath: (url: URL) => string | null = (url) => url.pathname,
): LinkSource {
  const hostSet = new Set(hosts);
  return {
    name,
    match(url) {
      if (!hostSet.has(url.hostname)) return null;
      const path = readPath(url);
      if (path === null) return null;
      for (const pattern of paths) {
        const candidate = pattern.exec(path)?.groups?.id;
        if (candidate !== undefined) return idRef(candidate, name);
      }
      return null;
    },
  };
}

/** Validates an id candidate taken from a URL and labels it with the source that found it. */
export function idRef(candidate: string, source: SourceName): IdRef | null {
  const parsed = parseArxivId(candidate);
  return parsed && { kind: 'id', id: parsed.id, version: parsed.version, source };
}
