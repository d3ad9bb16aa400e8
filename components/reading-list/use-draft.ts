import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { UpdateOutcome } from '../../lib/message-schemas';

/** Saves a field's value, given what it started from; resolves to what was stored, or null when it failed. */
export type SaveField = (value: string, base: string) => Promise<UpdateOutcome | null>;

export interface Draft<E extends HTMLElement> {
  value: string;
  set(value: string): void;
  field: RefObject<E | null>;
  /** Saves the draft if the user changed it; one save at a time, so a field never conflicts with itself. */
  commit(): void;
  /** The last save failed: the draft is kept, and `commit` retries. */
  failed: boolean;
  /** The stored value, when another tab changed it while the user was editing (the save did not overwrite it). */
  conflict: string | null;
  /** Ends a conflict: writes `value` over the other tab's text, or (null) takes the other tab's text. */
  resolve(value: string | null): void;
}

interface DraftState {
  value: string;
  /** The stored value the draft started from; the user changed the field when `value` differs. */
  base: string;
  failed: boolean;
  conflict: string | null;
}

/**
 * A field's draft of a stored value. Until the user changes it, it follows the
 * stored value (a change from another tab shows at once); once changed, it is
 * kept until saved, and a save writes only that change: never a stale copy
 * over what another tab wrote meanwhile (see `updateEntry`).
 */
export function useDraft<E extends HTMLElement>(stored: string, save: SaveField): Draft<E> {
  const [state, setState] = useState<DraftState>({ value: stored, base: stored, failed: false, conflict: null });
  const field = useRef<E>(null);
  const latest = useRef(state);
  latest.current = state;
  const saving = useRef(false);
  const again = useRef(false);
  const update = (changes: Partial<DraftState>) => {
    latest.current = { ...latest.current, ...changes };
    setState(latest.current);
  };
  useEffect(() => {
    const { value, base } = latest.current;
    if (value === base) update({ value: stored, base: stored });
  }, [stored]);

  const commit = async (): Promise<void> => {
    const { value, base, conflict } = latest.current;
    if (value === base || conflict !== null) return;
    if (saving.current) {
      again.current = true;
      return;
    }
    saving.current = true;
    const outcome = await save(value, base);
    saving.current = false;
    if (!outcome) update({ failed: true });
    else if (outcome.noteConflict !== null) update({ failed: false, conflict: outcome.noteConflict });
    else update({ base: value, failed: false });
    if (again.current && outcome) {
      again.current = false;
      await commit();
    }
  };
  return {
    value: state.value,
    set: (value) => update({ value }),
    field,
    commit: () => void commit(),
    failed: state.failed,
    conflict: state.conflict,
    resolve(value) {
      const theirs = latest.current.conflict ?? latest.current.base;
      update({ conflict: null, base: theirs, value: value ?? theirs });
      if (value !== null) void commit();
    },
  };
}
