import { plural } from '../../lib/format';
import type { Reading } from './read-and-stage';

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** `4_100_000_000` → `4.1 GB`. */
function size(bytes: number): string {
  const power = Math.min(UNITS.length - 1, Math.floor(Math.log10(Math.max(bytes, 1)) / 3));
  return power === 0 ? plural(bytes, 'byte') : `${(bytes / 1000 ** power).toFixed(1)} ${UNITS[power]}`;
}

/** Reading a file: bytes read of its size, with a Cancel. */
export function ReadProgress({ reading, onCancel }: { reading: Reading; onCancel(): void }) {
  const label = `Reading “${reading.name}”`;
  return (
    <div class="read-progress" aria-busy="true">
      <p>
        {reading.step === 'reading'
          ? `${label}: ${size(reading.bytes)} of ${size(reading.total)}`
          : `Handing the papers in “${reading.name}” to Paperlens…`}
      </p>
      <progress max={Math.max(reading.total, 1)} value={reading.bytes} aria-label={label} />
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
