import { useEffect, useState } from 'preact/hooks';
import { plainError } from '../../lib/errors';
import type { CorpusStatus } from '../../lib/message-schemas';
import { sendMessage } from '../../lib/messages';

/** What Paperlens has stored, asked of the background once; or why it could not be read. */
export function useCorpusStatus(): { status: CorpusStatus | null; error: string | null } {
  const [status, setStatus] = useState<CorpusStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    sendMessage('corpusStatus', undefined).then(setStatus, (e: unknown) =>
      setError(`Could not read what Paperlens has stored: ${plainError(e)}`),
    );
  }, []);
  return { status, error };
}
