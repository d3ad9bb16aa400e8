import { plainError } from '../../lib/errors';
import { sendMessage } from '../../lib/messages';
import { download } from '../download';
import type { Notices } from './use-notice';

/** `paperlens-library-2026-12-03.json`, dated by the day it is saved. */
const fileName = (now: Date): string => `paperlens-library-${now.toISOString().slice(0, 10)}.json`;

/** "Export library": the whole library as a Paperlens library file, to keep or to import elsewhere. */
export function ExportLibrary({ notices }: { notices: Notices }) {
  const exportLibrary = async () => {
    try {
      const text = await sendMessage('exportLibrary', undefined);
      const name = fileName(new Date());
      download(name, 'application/json', text);
      notices.say(`Saved the library as ${name}.`);
    } catch (e) {
      notices.fail(`Could not export the library: ${plainError(e)}`);
    }
  };
  return (
    <section class="library-section" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <p class="hint">
        A Paperlens library file holds your followed authors and every paper; import it on another computer.
      </p>
      <button type="button" onClick={() => void exportLibrary()}>
        Export library
      </button>
    </section>
  );
}
