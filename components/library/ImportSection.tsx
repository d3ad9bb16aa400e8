import { DropZone } from './DropZone';
import { ImportPreview } from './ImportPreview';
import { ReadProgress } from './ReadProgress';
import type { FileImport } from './use-file-import';

/** Import: a file dropped or chosen, read with progress, then previewed. */
export function ImportSection({ fileImport }: { fileImport: FileImport }) {
  const busy = fileImport.reading !== null || fileImport.staged !== null;
  return (
    <section class="library-section" aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <DropZone disabled={busy} onFile={fileImport.choose} />
      {fileImport.reading && <ReadProgress reading={fileImport.reading} onCancel={fileImport.cancelReading} />}
      <ImportPreview fileImport={fileImport} />
    </section>
  );
}
