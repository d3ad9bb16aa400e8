import { useEffect, useState } from 'preact/hooks';

/** A value that changes often (a progress figure), watched only by the components that show it. */
export interface LiveValue<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: (value: T) => void): () => void;
}

export function createLiveValue<T>(initial: T): LiveValue<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const listener of listeners) listener(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The live value's current value; re-renders only the calling component when it changes. */
export function useLiveValue<T>(live: LiveValue<T>): T {
  const [value, setValue] = useState(live.get());
  useEffect(() => {
    setValue(live.get());
    return live.subscribe(setValue);
  }, [live]);
  return value;
}
