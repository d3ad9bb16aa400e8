import { useEffect, useState } from 'preact/hooks';
import { plainError } from '../../lib/errors';
import { hashForPaper, paperIdFromHash } from '../../lib/insights/paper-hash';
import type { LibraryPaper } from '../../lib/library/schema';
import { sendMessage } from '../../lib/messages';

export interface OpenPaper {
  /** The paper `#paper=<id>` names, or null. */
  openId: string | null;
  /** Its record once fetched (the open card's paper until then, so a card moving to a related paper stays open). */
  paper: LibraryPaper | null;
  /** Titles of the papers the card names that the record does not carry (derived data not worked out yet). */
  titles: ReadonlyMap<string, string>;
  /** The id in the address is not a library paper. */
  missing: boolean;
  error: string | null;
  open(id: string): void;
  close(): void;
}

interface Card {
  id: string;
  paper: LibraryPaper | null;
  titles: ReadonlyMap<string, string>;
}

/** One paper's record, and the titles of the papers it names that it carries no title for. */
async function fetchCard(id: string): Promise<Card> {
  const [paper] = await sendMessage('getPapers', { ids: [id] });
  if (!paper) return { id, paper: null, titles: new Map() };
  const untitled = [
    ...(paper.novelty?.closestEarlierId && !paper.novelty.closestEarlierTitle ? [paper.novelty.closestEarlierId] : []),
    ...paper.related.filter((related) => !related.title).map((related) => related.id),
  ];
  const named = untitled.length ? await sendMessage('getPapers', { ids: untitled }) : [];
  return { id, paper, titles: new Map(named.map((other) => [other.id, other.displayTitle])) };
}

/** The paper whose card `#paper=<id>` opens, following the address, fetched from the background by its id. */
export function useOpenPaper(): OpenPaper {
  const [openId, setOpenId] = useState<string | null>(() => paperIdFromHash(location.hash));
  const [card, setCard] = useState<Card | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const onHash = (): void => setOpenId(paperIdFromHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    setError(null);
    if (!openId) {
      setCard(null);
      return;
    }
    let current = true;
    fetchCard(openId).then(
      (next) => current && setCard(next),
      (e: unknown) => current && setError(plainError(e)),
    );
    return () => {
      current = false;
    };
  }, [openId]);
  return {
    openId,
    paper: openId ? (card?.paper ?? null) : null,
    titles: card?.titles ?? new Map(),
    missing: openId !== null && card?.id === openId && !card.paper,
    error,
    // Opening a card puts it in the address, so the view can be linked to and reloaded.
    open: (id) => {
      history.replaceState(null, '', hashForPaper(id));
      setOpenId(id);
    },
    close: () => {
      history.replaceState(null, '', location.pathname);
      setOpenId(null);
    },
  };
}
