import { useEffect, useState } from 'preact/hooks';
import { type ImportProgress, importProgress } from '../../lib/library/import-progress';

/** The background's progress with one import, as storage tells it (this component alone redraws). */
function useImportProgress(importId: string): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    const show = (value: ImportProgress | null) => setProgress(value?.importId === importId ? value : null);
    void importProgress.getValue().then(show);
    return importProgress.watch(show);
  }, [importId]);
  return progress;
}

/** The background checking a staged file for the preview, or writing it: papers done of all of them. */
export function ImportProgressBar({ importId, source }: { importId: string; source: string }) {
  const progress = useImportProgress(importId);
  if (!progress) return null;
  const doing = progress.step === 'checking' ? 'Checking' : 'Importing';
  const label = `${doing} the papers in “${source}”`;
  const done = Math.min(progress.done, progress.total);
  return (
    <div class="read-progress" aria-busy="true">
      <p>{`${label}: ${done.toLocaleString('en')} of ${progress.total.toLocaleString('en')}`}</p>
      <progress max={Math.max(progress.total, 1)} value={done} aria-label={label} />
    </div>
  );
}
