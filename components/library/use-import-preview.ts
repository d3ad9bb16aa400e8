import { useEffect, useRef, useState } from 'preact/hooks';
import { plainError } from '../../lib/errors';
import type { LibraryPreview } from '../../lib/library/write';
import type { LibraryImportRequest } from '../../lib/message-schemas';
import { sendMessage } from '../../lib/messages';

/** Decisions settle for this long before the preview is worked out again. */
export const PREVIEW_DEBOUNCE_MS = 300;

/** An author the preview offers to follow, and on how many of the file's papers. */
export interface FollowOffer {
  name: string;
  papers: number;
}

export interface PreviewState {
  preview: LibraryPreview | null;
  /** Every author offered so far in this import: a ticked one stays listed once the plan follows it. */
  offers: FollowOffer[];
  checking: boolean;
  error: string | null;
}

const EMPTY: PreviewState = { preview: null, offers: [], checking: false, error: null };

function withOffers(offers: readonly FollowOffer[], preview: LibraryPreview): FollowOffer[] {
  const known = new Map(offers.map((offer) => [offer.name, offer]));
  for (const { name, papers } of preview.suggestions) known.set(name, { name, papers });
  return [...known.values()];
}

/** What the import would do, worked out again (debounced) whenever the request changes. */
export function useImportPreview(request: LibraryImportRequest | null): PreviewState {
  const [state, setState] = useState<PreviewState>(EMPTY);
  const importId = useRef<string | null>(null);
  useEffect(() => {
    if (!request) {
      importId.current = null;
      return setState(EMPTY);
    }
    const fresh = importId.current !== request.importId;
    importId.current = request.importId;
    if (fresh) setState({ ...EMPTY, checking: true });
    else setState((old) => ({ ...old, checking: true }));
    let current = true;
    const timer = setTimeout(
      () =>
        sendMessage('previewLibraryImport', request).then(
          (preview) =>
            current &&
            setState((old) => ({ preview, offers: withOffers(old.offers, preview), checking: false, error: null })),
          (e: unknown) => current && setState((old) => ({ ...old, checking: false, error: plainError(e) })),
        ),
      fresh ? 0 : PREVIEW_DEBOUNCE_MS,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [request]);
  return state;
}
