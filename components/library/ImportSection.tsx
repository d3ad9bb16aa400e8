import { DropZone } from './DropZone';
import { ImportPreview } from './ImportPreview';
import { ReadProgress } from './ReadProgress';
import { SnapshotFilter, useSnapshotFilter } from './SnapshotFilter';
import type { FileImport } from './use-file-import';

/** Import: a file dropped or chosen (a snapshot read through its filter), read with progress, then previewed. */
export function ImportSection({ fileImport }: { fileImport: FileImport }) {
  const snapshot = useSnapshotFilter();
  const busy = fileImport.reading !== null || fileImport.staged !== null;
  return (
    <section class="library-section" aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <DropZone disabled={busy} onFile={(file) => fileImport.choose(file, snapshot.filter)} />
      <SnapshotFilter state={snapshot} disabled={busy} />
      {fileImport.reading && <ReadProgress reading={fileImport.reading} onCancel={fileImport.cancelReading} />}
      <ImportPreview fileImport={fileImport} />
    </section>
  );
}
