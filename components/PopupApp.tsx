import { useEffect, useState } from 'preact/hooks';
import type { Library } from '../lib/message-schemas';
import { sendMessage } from '../lib/messages';
import { PaperRow } from './PaperRow';
import { ProfileHeader } from './ProfileHeader';

/** The toolbar popup: the author's profile and papers, newest first. */
export function PopupApp() {
  const [library, setLibrary] = useState<Library | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    sendMessage('getLibrary', undefined)
      .then(setLibrary)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  if (error) return <p role="alert">Paperlens could not load the papers: {error}</p>;
  if (!library) return <p aria-busy="true">Loading papers…</p>;
  return (
    <main class="popup">
      <ProfileHeader author={library.author} />
      <ol class="results" aria-label={`${library.papers.length} papers`}>
        {library.papers.map((paper) => (
          <PaperRow key={paper.id} paper={paper} />
        ))}
      </ol>
    </main>
  );
}
