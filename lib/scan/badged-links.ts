import type { PaperSummary } from '../message-schemas';
import type { BadgeAnchor } from './mentions';

/** Where badges go: the scanner decides which anchors get one, this puts them in the page. */
export interface BadgeLayer {
  /**
   * Builds `paper`'s badge for `anchor` without putting it in the page. Building
   * is the costly part and runs in slices; inserting the built badges then
   * happens in one go, so the page lays out once rather than once per slice.
   */
  prepare?(anchor: BadgeAnchor, paper: PaperSummary): void;
  /** Shows `paper`'s badge right after `anchor`; called again for a badge already there, it only checks it. */
  attach(anchor: BadgeAnchor, paper: PaperSummary): void;
  detach(anchor: BadgeAnchor): void;
  /** Nodes Paperlens itself put in the page, which the scanner ignores. */
  isOwn(node: Node): boolean;
}

/** The links that have a badge, kept in step with the page's badge layer. */
export interface BadgedLinks {
  readonly map: ReadonlyMap<BadgeAnchor, PaperSummary>;
  /** Shows (or checks) `anchor`'s badge; one link the page does not let us badge never stops the rest. */
  attach(anchor: BadgeAnchor, paper: PaperSummary): void;
  detach(anchor: BadgeAnchor): void;
  /** Badges every link again that is still in the page, and forgets those that are gone. */
  sweep(): void;
  /** Removes every badge. */
  clear(): void;
  /** Tells `onPapersChanged` when the set of papers linked changed since it was last told. */
  report(): void;
  /** Whether a badge came or went since the last report. */
  readonly changed: boolean;
}

export function createBadgedLinks(
  layer: BadgeLayer,
  onPapersChanged: (ids: ReadonlySet<string>) => void = () => {},
): BadgedLinks {
  const map = new Map<BadgeAnchor, PaperSummary>();
  let changed = false;
  let reported = '';
  const links: BadgedLinks = {
    map,
    attach(anchor, paper) {
      try {
        layer.attach(anchor, paper);
      } catch (error) {
        // The root of a standalone SVG document, say.
        console.debug('[paperlens] could not badge a link', error);
        return;
      }
      if (map.get(anchor) !== paper) changed = true;
      map.set(anchor, paper);
    },
    detach(anchor) {
      if (!map.has(anchor)) return;
      layer.detach(anchor);
      map.delete(anchor);
      changed = true;
    },
    sweep() {
      for (const [anchor, paper] of map) {
        if (anchor.isConnected) links.attach(anchor, paper);
        else links.detach(anchor);
      }
      links.report();
    },
    clear() {
      for (const anchor of map.keys()) layer.detach(anchor);
      map.clear();
      changed = true;
    },
    report() {
      changed = false;
      const ids = new Set([...map.values()].map((paper) => paper.id));
      const key = [...ids].sort().join(',');
      if (key === reported) return;
      reported = key;
      onPapersChanged(ids);
    },
    get changed() {
      return changed;
    },
  };
  return links;
}
