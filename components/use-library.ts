import { useEffect, useState } from 'preact/hooks';
import { plainError } from '../lib/errors';
import type { Library } from '../lib/message-schemas';
import { sendMessage } from '../lib/messages';

/** The library as the background holds it: null until it arrives, or the error that stopped it. */
export interface LibraryState {
  library: Library | null;
  error: string | null;
}

/** Asks the background for the library once, when the page mounts. */
export function useLibrary(): LibraryState {
  const [state, setState] = useState<LibraryState>({ library: null, error: null });
  useEffect(() => {
    sendMessage('getLibrary', undefined).then(
      (library) => setState({ library, error: null }),
      (e: unknown) => setState({ library: null, error: plainError(e) }),
    );
  }, []);
  return state;
}
