import { useState } from 'preact/hooks';
import {
  DEFAULT_SNAPSHOT_FILTER,
  type SnapshotFilter as Filter,
  snapshotFilterProblem,
  splitCategories,
} from '../../lib/library/snapshot-filter';

/** The snapshot filter as the user sets it: the category text is read when a file is chosen. */
export interface SnapshotFilterForm {
  followed: boolean;
  text: string;
  join: Filter['join'];
}

/** The snapshot filter's fields and the filter they make. */
export interface SnapshotFilterState {
  form: SnapshotFilterForm;
  set(change: Partial<SnapshotFilterForm>): void;
  filter: Filter;
}

export function useSnapshotFilter(): SnapshotFilterState {
  const [form, setForm] = useState<SnapshotFilterForm>({
    followed: DEFAULT_SNAPSHOT_FILTER.followed,
    text: '',
    join: DEFAULT_SNAPSHOT_FILTER.join,
  });
  return {
    form,
    set: (change) => setForm((old) => ({ ...old, ...change })),
    // Entries unchecked: a bad one is refused with its name when a snapshot is read, not for other kinds.
    filter: { followed: form.followed, categories: splitCategories(form.text), join: form.join },
  };
}

/** Which records of an arXiv metadata snapshot to import: naming a followed author, in categories, or both/either. */
export function SnapshotFilter({ state, disabled }: { state: SnapshotFilterState; disabled: boolean }) {
  const { form, set, filter } = state;
  const problem = snapshotFilterProblem(filter);
  const both = form.followed && filter.categories.length > 0;
  return (
    <fieldset class="snapshot-filter" disabled={disabled} aria-describedby="snapshot-filter-hint">
      <legend>Snapshot filter</legend>
      <p class="hint" id="snapshot-filter-hint">
        For the arXiv metadata snapshot (.jsonl) only: which of its records to import. Other kinds of file ignore it.
      </p>
      <label>
        <input type="checkbox" checked={form.followed} onChange={(e) => set({ followed: e.currentTarget.checked })} />
        Records naming an author you follow
      </label>
      <label>
        In categories
        <input
          type="text"
          value={form.text}
          placeholder="cs.LG, stat.ML"
          maxLength={2000}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? 'snapshot-filter-problem' : undefined}
          onInput={(e) => set({ text: e.currentTarget.value })}
        />
      </label>
      {both && <JoinChoice join={form.join} onJoin={(join) => set({ join })} />}
      {problem && (
        <p class="hint filter-problem" id="snapshot-filter-problem">
          {capitalized(problem)}.
        </p>
      )}
    </fieldset>
  );
}

function JoinChoice({ join, onJoin }: { join: Filter['join']; onJoin(join: Filter['join']): void }) {
  return (
    <div class="filter-join" role="radiogroup" aria-labelledby="snapshot-join-label">
      <span id="snapshot-join-label">Keep records that match</span>
      <label>
        <input type="radio" name="snapshot-join" checked={join === 'and'} onChange={() => onJoin('and')} />
        both
      </label>
      <label>
        <input type="radio" name="snapshot-join" checked={join === 'or'} onChange={() => onJoin('or')} />
        either
      </label>
    </div>
  );
}

function capitalized(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
