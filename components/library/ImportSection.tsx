import { DropZone } from './DropZone';
import { ImportPreview } from './ImportPreview';
import { ImportProgressBar } from './ImportProgressBar';
import { ReadProgress } from './ReadProgress';
import { SnapshotFilter, useSnapshotFilter } from './SnapshotFilter';
import { type FileImportSource, useFileImportFlow } from './use-file-import';

/** Import: a file dropped or chosen (a snapshot read through its filter), read with progress, then previewed. */
export function ImportSection({ fileImport: source }: { fileImport: FileImportSource }) {
  const fileImport = useFileImportFlow(source);
  const snapshot = useSnapshotFilter();
  const busy = fileImport.reading !== null || fileImport.staged !== null;
  return (
    <section class="library-section" aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <DropZone disabled={busy} onFile={(file) => fileImport.choose(file, snapshot.filter)} />
      <SnapshotFilter state={snapshot} disabled={busy} />
      {fileImport.reading && <ReadProgress live={fileImport.reading} onCancel={fileImport.cancelReading} />}
      {fileImport.staged && (
        <ImportProgressBar importId={fileImport.staged.importId} source={fileImport.staged.source} />
      )}
      <ImportPreview fileImport={fileImport} />
    </section>
  );
}
