import type { CorpusStatus } from '../../lib/message-schemas';

/** How much Paperlens keeps in this browser, and whether the bundled papers could be read. */
export function StoredData({ status }: { status: CorpusStatus }) {
  return (
    <fieldset>
      <legend>Data</legend>
      {status.bundledCorpusError && (
        <p class="notice error" role="alert">
          The papers bundled with this version could not be read, so Paperlens keeps using the last good copy.
          {'\n'}
          {status.bundledCorpusError}
        </p>
      )}
      <p>
        {status.papers} papers and {status.coauthors} coauthors stored; {status.readingList} saved in your reading list.
        Everything stays in this browser.
      </p>
    </fieldset>
  );
}
