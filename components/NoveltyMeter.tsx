import { percent } from '../lib/format';

/** Novelty as a small bar and a percentage; `title` explains it on hover. Null: not worked out yet. */
export function NoveltyMeter({ score, title }: { score: number | null; title?: string }) {
  if (score === null) {
    return (
      <span class="novelty pending" title={title}>
        <span class="visually-hidden">novelty </span>…
      </span>
    );
  }
  return (
    <span class="novelty" title={title}>
      <span class="novelty-bar" aria-hidden="true">
        <span style={{ width: percent(score) }} />
      </span>
      <span>
        <span class="visually-hidden">novelty </span>
        {percent(score)}
      </span>
    </span>
  );
}
