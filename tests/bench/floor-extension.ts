import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_IDS } from '../e2e/large-pages';

/** A benchmark-only extension: one content script (and an empty worker, for benches that wait for one). */
export function writeFloorExtension(
  script: string,
  {
    name,
    matches,
    allFrames = false,
    worker = false,
  }: { name: string; matches: string[]; allFrames?: boolean; worker?: boolean },
): string {
  const dir = mkdtempSync(join(tmpdir(), 'paperlens-floor-'));
  const contentScript = {
    matches,
    js: ['content.js'],
    run_at: 'document_idle',
    ...(allFrames ? { all_frames: true } : {}),
  };
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: `${name} (benchmark only)`,
      version: '1',
      ...(worker ? { background: { service_worker: 'background.js' } } : {}),
      content_scripts: [contentScript],
    }),
  );
  if (worker) writeFileSync(join(dir, 'background.js'), '');
  writeFileSync(join(dir, 'content.js'), script);
  return dir;
}

/**
 * The floor: the least an extension can do to badge a page's corpus links, for comparison only. It does
 * none of what makes Paperlens usable (settings, the database, titles, shapes beyond "contains the id",
 * the card, following a changing page). With `shadow`, each badge is what Paperlens's rules ask for at the
 * least: an open shadow root holding Paperlens's badge markup, styled by Paperlens's page stylesheet.
 * `papers`: the ids it badges (the bundled corpus's, or those a larger library badged on a page).
 */
export function badgeFloorScript(shadow: boolean, papers: readonly string[] = CORPUS_IDS): string {
  const badge = shadow
    ? `const badge = document.createElement('span');
      badge.setAttribute('data-paperlens', 'badge');
      badge.attachShadow({ mode: 'open' }).adoptedStyleSheets = [sheet];
      badge.shadowRoot.append(template.cloneNode(true));`
    : `const badge = document.createElement('span');
      badge.setAttribute('data-paperlens', 'badge');
      badge.textContent = 'LG 81% 11';`;
  return `(() => {
  const ids = new Set(${JSON.stringify(papers)});
  const id = /\\d{4}\\.\\d{4,5}/;
  ${
    shadow
      ? `const sheet = new CSSStyleSheet();
  sheet.replaceSync(${JSON.stringify(readFileSync('components/page/page.css', 'utf8'))});
  const span = (className, text) => Object.assign(document.createElement('span'), { className, textContent: text });
  const template = Object.assign(document.createElement('button'), { className: 'badge', type: 'button' });
  template.append(span('cat', 'LG'), span('nov', '81%'), span('co people', '11'));`
      : ''
  }
  for (const a of document.querySelectorAll('a[href]')) {
    const match = id.exec(a.getAttribute('href'));
    if (match && ids.has(match[0])) {
      ${badge}
      a.after(badge);
    }
  }
})();`;
}
