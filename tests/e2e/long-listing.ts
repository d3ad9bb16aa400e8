/**
 * A long arXiv listing (`dl`/`dt`/`dd`, as `list/…/pastweek?show=1000` serves it) where every entry names a
 * coauthor of the bundled library's followed author, so every entry earns a chip. Entry `n`'s authors carry
 * `data-n="n"`. Shared by the Chromium and Firefox tests of chips put in as entries come near the view.
 */
export function longListing(entries: number): string {
  const entry = (
    i: number,
  ) => `<dt><a name="item${i}">[${i}]</a> <a href="/abs/2511.${20000 + i}">arXiv:2511.${20000 + i}</a></dt>
<dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> A study of things, part ${i}</div>
<div class="list-authors" data-n="${i}"><a href="https://arxiv.org/a/pioro_m_1">Maciej Pióro</a>, <a href="https://arxiv.org/a/x_${i}">Someone ${i}</a></div>
<div class="list-subjects"><span class="descriptor">Subjects:</span> Machine Learning (cs.LG)</div></div></dd>`;
  const list = Array.from({ length: entries }, (_, i) => entry(i + 1)).join('\n');
  return `<!doctype html><meta charset="utf-8"><title>Listing</title><dl id="articles">${list}</dl>`;
}

/** The entries (their `data-n`) whose authors have a chip now, in page order. */
export function chippedEntries(): number[] {
  return [...document.querySelectorAll('[data-paperlens="coauthor"]')].map((chip) =>
    Number(chip.parentElement?.getAttribute('data-n')),
  );
}
