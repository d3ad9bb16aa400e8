import { plural } from '../../lib/format';
import { type LiveValue, useLiveValue } from './live-value';
import type { Reading } from './read-and-stage';

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** `4_100_000_000` → `4.1 GB`. */
function size(bytes: number): string {
  const power = Math.min(UNITS.length - 1, Math.floor(Math.log10(Math.max(bytes, 1)) / 3));
  return power === 0 ? plural(bytes, 'byte') : `${(bytes / 1000 ** power).toFixed(1)} ${UNITS[power]}`;
}

/** Reading a file: bytes read of its size and papers handed over so far, with a Cancel. */
export function ReadProgress({ live, onCancel }: { live: LiveValue<Reading>; onCancel(): void }) {
  const reading = useLiveValue(live);
  const label = `Reading “${reading.name}”`;
  const handed = reading.staged ? `; ${plural(reading.staged, 'paper')} handed to Paperlens` : '';
  return (
    <div class="read-progress" aria-busy="true">
      <p>
        {reading.step === 'reading'
          ? `${label}: ${size(reading.bytes)} of ${size(reading.total)}${handed}`
          : `Handing the papers in “${reading.name}” to Paperlens${handed ? `: ${plural(reading.staged, 'paper')} so far` : ''}…`}
      </p>
      <progress max={Math.max(reading.total, 1)} value={reading.bytes} aria-label={label} />
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
