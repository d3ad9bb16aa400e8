import { AmbiguousChoice } from './AmbiguousChoice';
import { FollowChoices } from './FollowChoices';
import { PreviewCounts } from './PreviewCounts';
import { SkippedEntries } from './SkippedEntries';
import type { FileImport } from './use-file-import';

/** What the staged file would do, the user's decisions on it, and the buttons that write it or drop it. */
export function ImportPreview({ fileImport }: { fileImport: FileImport }) {
  const { staged, decisions, preview: state, committing } = fileImport;
  if (!staged) return null;
  const { preview } = state;
  const chosen = new Map(decisions.resolved.map((r) => [r.written, r.authorId]));
  // Who a name is, Paperlens never guesses: Import waits until every such name has an answer.
  const unsettled = preview?.ambiguous.filter((name) => !chosen.has(name.written)).length ?? 0;
  const resolve = (written: string, authorId: string | null) =>
    fileImport.decide((old) => ({
      ...old,
      resolved: [...old.resolved.filter((r) => r.written !== written), { written, authorId }],
    }));
  const toggle = (name: string, on: boolean) =>
    fileImport.decide((old) => ({
      ...old,
      follow: on
        ? [...old.follow.filter((other) => other !== name), name]
        : old.follow.filter((other) => other !== name),
    }));
  return (
    <section class="import-preview" aria-label="Import preview" aria-busy={state.checking ? 'true' : 'false'}>
      {!preview && !state.error && <p>Working out what importing “{staged.source}” would do…</p>}
      {preview && (
        <>
          <PreviewCounts preview={preview} staged={staged} />
          {preview.ambiguous.map((name) => (
            <AmbiguousChoice
              key={name.written}
              name={name}
              chosen={chosen.get(name.written)}
              onChoose={(id) => resolve(name.written, id)}
            />
          ))}
        </>
      )}
      <FollowChoices offers={state.offers} ticked={decisions.follow} onToggle={toggle} />
      <SkippedEntries skipped={staged.skipped} />
      {state.error && (
        <p class="notice error" role="alert">
          Could not work out what the import would do: {state.error} Nothing was changed.
        </p>
      )}
      {unsettled > 0 && <p class="hint">Say who each name above is (or none of them) to import.</p>}
      <div class="preview-actions">
        <button
          type="button"
          class="primary"
          disabled={!preview || state.checking || committing || unsettled > 0}
          aria-busy={committing ? 'true' : undefined}
          onClick={fileImport.commit}
        >
          Import
        </button>
        <button type="button" disabled={committing} onClick={fileImport.close}>
          Cancel
        </button>
      </div>
    </section>
  );
}
