import type { ComponentChildren } from 'preact';
import type { ReadingStatus } from '../../lib/reading-list/schema';
import { STATUS_LABELS, STATUSES } from '../../lib/reading-list/status';

interface StatusSelectProps {
  value: ReadingStatus;
  onChange(status: ReadingStatus): void;
  /** The label's class, and its text (which names the paper for screen readers). */
  class?: string;
  children: ComponentChildren;
}

/** A labelled reading-status picker: the list's rows and the popup's This tab. */
export function StatusSelect({ value, onChange, class: className, children }: StatusSelectProps) {
  return (
    <label class={className}>
      {children}
      <select value={value} onChange={(event) => onChange(event.currentTarget.value as ReadingStatus)}>
        {STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </select>
    </label>
  );
}
