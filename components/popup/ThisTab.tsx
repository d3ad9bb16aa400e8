import type { ReadingListClient } from '../../lib/reading-list/client';
import type { ReadingListEntry, ReadingStatus } from '../../lib/reading-list/schema';
import { NoteField } from '../reading-list/NoteField';
import { StatusSelect } from '../reading-list/StatusSelect';
import { SaveToggle } from '../SaveToggle';
import type { ThisTabPaper } from './use-this-tab';
import './this-tab.css';

interface ThisTabProps {
  paper: ThisTabPaper;
  client: ReadingListClient;
}

/**
 * "This tab: <title>": the paper the current tab shows (an arXiv PDF or abstract page, in the library or not),
 * with Save and, once saved, its status and note, as the reading list edits them.
 */
export function ThisTab({ paper, client }: ThisTabProps) {
  const { id, title, entry, inLibrary } = paper;
  const toggle = async () => {
    // A library paper keeps the library's title; another is saved under the title the tab gave.
    if (entry) await client.remove(id);
    else await client.save(id, inLibrary ? undefined : title);
    paper.reload();
  };
  return (
    <section class="this-tab" data-paperlens-tab={id} aria-labelledby="this-tab-title">
      <div class="this-tab-head">
        <h2 id="this-tab-title" class="this-tab-title">
          <span class="this-tab-label">This tab:</span> {title}
        </h2>
        <SaveToggle saved={Boolean(entry)} busy={entry === undefined} title={title} onToggle={() => void toggle()} />
      </div>
      <p class="this-tab-meta">
        arXiv:{id}
        {inLibrary !== null && (inLibrary ? ' · in your library' : ' · not in your library')}
      </p>
      {entry && <SavedControls entry={entry} paper={paper} client={client} />}
    </section>
  );
}

/** A saved paper's status and note, stored as they change; what was stored shows at once. */
function SavedControls({
  entry,
  paper,
  client,
}: {
  entry: ReadingListEntry;
  paper: ThisTabPaper;
  client: ReadingListClient;
}) {
  const setStatus = async (status: ReadingStatus) => {
    const outcome = await client.update(entry.id, { status });
    if (outcome) paper.stored(outcome.entry);
  };
  return (
    <div class="this-tab-saved">
      <StatusSelect class="this-tab-status" value={entry.status} onChange={(status) => void setStatus(status)}>
        Status<span class="visually-hidden"> of {entry.title}</span>
      </StatusSelect>
      <NoteField
        entry={entry}
        compact
        save={async (note, base) => {
          const outcome = await client.update(entry.id, { note }, { note: base });
          if (outcome) paper.stored(outcome.entry);
          return outcome;
        }}
      />
    </div>
  );
}
