import { categoryStyleText } from '../../lib/categories';
import { authorLine, formatDate, noveltyExplanation, percent, plural } from '../../lib/format';
import { abstractUrl, pdfUrl } from '../../lib/links/arxiv-id';
import { paperPageUrl } from '../../lib/links/paper-url';
import type { AuthorTag, PaperSummary, ReadingListEntry } from '../../lib/message-schemas';
import { isDoiKey } from '../../lib/paper-key';
import { STATUS_LABELS } from '../../lib/reading-list/status';
import type { BadgeParts } from '../../lib/settings/model';
import { type Child, el } from './dom';
import type { SaveState } from './save-action';

/** A category code in its colour, full name on hover (`LG` → "Machine Learning"). */
export function categoryChip(doc: Document, code: string, name: string): HTMLSpanElement {
  return el(doc, 'span', { class: 'cat', title: name, style: categoryStyleText(code) }, code);
}

/**
 * The inline badge after a paper link: category, novelty meter, coauthor count; a button that opens the card
 * (the badge layer adds its listeners to each copy).
 */
export function badgeView(doc: Document, paper: PaperSummary, parts: BadgeParts): HTMLButtonElement {
  const novelty = paper.novelty ? percent(paper.novelty.score) : 'not worked out yet';
  const coauthors = paper.coauthors.length;
  const of = paper.followedAuthors.length ? ` of ${paper.followedAuthors.map((a) => a.name).join(' and ')}` : '';
  return el(
    doc,
    'button',
    {
      type: 'button',
      class: parts.category ? 'badge' : 'badge no-cat',
      'aria-haspopup': 'dialog',
      'aria-label': `Paperlens: ${paper.displayTitle}. ${paper.categoryName}, novelty ${novelty}, ${plural(coauthors, 'coauthor')}${of}. Show details`,
    },
    parts.category && categoryChip(doc, paper.category, paper.categoryName),
    parts.novelty &&
      el(
        doc,
        'span',
        { class: 'nov', title: `Novelty ${novelty}`, style: `--pl-value:${paper.novelty?.score ?? 0}` },
        paper.novelty ? novelty : '…',
      ),
    parts.coauthors && el(doc, 'span', { class: 'co people', title: plural(coauthors, 'coauthor') }, coauthors),
    !parts.category && !parts.novelty && !parts.coauthors && 'Paperlens',
  );
}

/** What a card or panel shows: its paper and the state of its Save toggle. */
export type DetailsState = SaveState;

/** What a card's or panel's buttons do. */
export interface DetailsHandlers {
  toggleSave(): void;
  undo(): void;
  openInsights?: (() => void) | undefined;
}

const externalLink = (doc: Document, href: string, text: string) =>
  el(doc, 'a', { href, target: '_blank', rel: 'noopener noreferrer' }, text);

/** Whose papers this is one of: "Jan Ludziejewski" (or several followed authors). */
const followedNames = (paper: PaperSummary): string =>
  paper.followedAuthors.map((author) => author.name).join(', ') || 'the authors you follow';

/** A labelled row of the card holding a list (nothing when the list is empty). */
function listRow(doc: Document, label: string, list: 'ul' | 'ol', listClass: string, items: HTMLElement[]): Child {
  if (!items.length) return null;
  return el(
    doc,
    'div',
    { class: 'row' },
    el(doc, 'span', { class: 'label' }, label),
    el(doc, list, { class: listClass }, ...items),
  );
}

/** The followed authors on a paper, each in their colour. */
export const followedView = (doc: Document, authors: readonly AuthorTag[]): Child =>
  listRow(
    doc,
    'You follow',
    'ul',
    'followed',
    authors.map((author) =>
      el(doc, 'li', { 'data-followed-author': author.name, style: authorStyle(author.color) }, author.name),
    ),
  );

/** Per followed author on this paper: their coauthors on it, with the library papers each shares with them. */
const coauthorsView = (doc: Document, paper: PaperSummary): Child[] =>
  paper.followedAuthors.map((author) =>
    listRow(
      doc,
      `Coauthors of ${author.name} · papers shared`,
      'ul',
      'coauthors',
      paper.coauthors
        .filter((coauthor) => coauthor.authorId === author.id)
        .map(({ name, sharedPapers }) =>
          el(
            doc,
            'li',
            { 'data-coauthor': name, style: authorStyle(author.color) },
            name,
            el(
              doc,
              'b',
              { title: `${plural(sharedPapers, 'library paper')} shared with ${author.name}` },
              sharedPapers,
            ),
          ),
        ),
    ),
  );

/** Library papers similar to one, each linking to its abstract, with its similarity and (when given) its authors. */
export const similarPapersRow = (
  doc: Document,
  label: string,
  papers: readonly { id: string; title: string; similarity: number; authors?: readonly string[] }[],
): Child =>
  listRow(
    doc,
    label,
    'ol',
    'related',
    papers.map((similar) =>
      el(
        doc,
        'li',
        { 'data-related-id': similar.id },
        externalLink(doc, abstractUrl(similar.id), similar.title),
        ` ${percent(similar.similarity)}${similar.authors ? ` · ${similar.authors.join(', ')}` : ''}`,
      ),
    ),
  );

/**
 * Links to the paper, the Insights button and the Save toggle. A paper known
 * only by its DOI links there, and has no Save: the reading list keeps arXiv papers.
 */
function actionsView(doc: Document, { paper, saving }: DetailsState, on: DetailsHandlers): HTMLElement {
  const byDoi = isDoiKey(paper.id);
  return el(
    doc,
    'div',
    { class: 'actions' },
    byDoi && externalLink(doc, paperPageUrl(paper), 'DOI'),
    !byDoi && externalLink(doc, abstractUrl(paper.id), 'Abstract'),
    !byDoi && externalLink(doc, pdfUrl(paper.id), 'PDF'),
    paper.codeUrl && externalLink(doc, paper.codeUrl, 'Code'),
    on.openInsights && el(doc, 'button', { type: 'button', class: 'insights', onclick: on.openInsights }, 'Insights'),
    !byDoi &&
      el(
        doc,
        'button',
        // Not `disabled` while saving: a disabled button drops keyboard focus.
        {
          type: 'button',
          class: 'save',
          'aria-pressed': String(paper.saved),
          'aria-busy': saving ? 'true' : false,
          onclick: on.toggleSave,
        },
        paper.saved ? 'Saved' : 'Save',
      ),
  );
}

/** What a remove took, said plainly, with the way back: "Removed, with your note and 2 tags. Undo". */
function removedView(doc: Document, removed: ReadingListEntry | null, on: DetailsHandlers): Child {
  if (!removed) return null;
  const kept = [
    removed.note.trim() && 'your note',
    removed.tags.length > 0 && plural(removed.tags.length, 'tag'),
    removed.status !== 'to-read' && `the status “${STATUS_LABELS[removed.status]}”`,
  ].filter(Boolean);
  const what = kept.length ? `, with ${kept.join(' and ')}` : '';
  return el(
    doc,
    'p',
    { class: 'removed', role: 'status' },
    `Removed from your reading list${what}. `,
    el(doc, 'button', { type: 'button', class: 'undo', onclick: on.undo }, 'Undo'),
  );
}

/** What Paperlens knows about a paper: the body of the badge card and of the arXiv page panel. */
export function paperDetailsView(doc: Document, state: DetailsState, titleId: string, on: DetailsHandlers): Child[] {
  const { paper, error } = state;
  return [
    el(doc, 'h2', { id: titleId }, paper.displayTitle),
    el(
      doc,
      'p',
      { class: 'sub' },
      categoryChip(doc, paper.category, paper.categoryName),
      ` ${paper.categoryName} (${paper.primaryCategory}) · ${formatDate(paper.date)}`,
    ),
    el(
      doc,
      'p',
      { class: 'row' },
      el(doc, 'span', { class: 'label' }, 'Authors'),
      authorLine(paper.authors, paper.authorsTruncated),
    ),
    followedView(doc, paper.followedAuthors),
    ...coauthorsView(doc, paper),
    el(doc, 'p', { class: 'row novelty' }, noveltyExplanation(paper.novelty, paper.closestEarlierTitle)),
    similarPapersRow(doc, 'Most similar papers in your library', paper.relatedPapers),
    actionsView(doc, state, on),
    removedView(doc, state.removed, on),
    error && el(doc, 'p', { class: 'error', role: 'alert' }, error),
  ];
}

export interface CardHandlers extends DetailsHandlers {
  close(): void;
  hoverStart(): void;
  hoverEnd(): void;
}

/** The card a badge opens: a non-modal dialog labelled by the paper's title; Escape closes it. */
export function cardView(doc: Document, state: DetailsState, on: CardHandlers): HTMLDivElement {
  const titleId = 'paperlens-card-title';
  return el(
    doc,
    'div',
    {
      class: 'card',
      role: 'dialog',
      'aria-labelledby': titleId,
      tabindex: -1,
      onkeydown: (event) => {
        if ((event as KeyboardEvent).key === 'Escape') {
          event.stopPropagation();
          on.close();
        }
      },
      onmouseenter: on.hoverStart,
      onmouseleave: on.hoverEnd,
    },
    el(doc, 'button', { type: 'button', class: 'close', 'aria-label': 'Close', onclick: on.close }, '×'),
    ...paperDetailsView(doc, state, titleId, on),
  );
}

/** The richer panel under the title of a corpus paper's own arXiv abstract page. */
export function panelView(doc: Document, state: DetailsState, on: DetailsHandlers): HTMLElement {
  const titleId = 'paperlens-panel-title';
  return el(
    doc,
    'section',
    { class: 'panel', 'aria-labelledby': titleId },
    el(
      doc,
      'p',
      { class: 'sub' },
      el(doc, 'strong', {}, 'Paperlens'),
      state.paper.followedAuthors.length === 1
        ? ` · one of ${followedNames(state.paper)}'s papers`
        : ` · a paper by ${followedNames(state.paper)}`,
    ),
    ...paperDetailsView(doc, state, titleId, on),
  );
}

/** A chip's colour when it stands for no one followed author. */
const NEUTRAL = '#57606a';

/** A chip: people's names on a listing entry, in their followed author's colour, saying why in its label. */
function chipView(doc: Document, text: string, names: readonly string[], color: string, kind: string): HTMLSpanElement {
  return el(
    doc,
    'span',
    { class: `chip ${kind}`, title: text, role: 'note', 'aria-label': `Paperlens: ${text}`, style: authorStyle(color) },
    el(doc, 'span', { class: 'people' }, names.join(', ')),
  );
}

/**
 * The chips of one arXiv listing entry: one per followed author whose
 * coauthors are on it ("Coauthor of Jan Ludziejewski: Maciej Pióro"), and one
 * naming followed authors on a paper not yet in the library.
 */
export function listingChipView(
  doc: Document,
  coauthors: readonly { name: string; of: AuthorTag }[],
  followed: readonly AuthorTag[],
  moreCoauthorsOf = 0,
): HTMLSpanElement[] {
  const byAuthor = new Map<string, { of: AuthorTag; names: string[] }>();
  for (const { name, of } of coauthors) {
    const group = byAuthor.get(of.id) ?? { of, names: [] };
    if (!group.names.includes(name)) group.names.push(name);
    byAuthor.set(of.id, group);
  }
  const chips = [...byAuthor.values()].map(({ of, names }) =>
    chipView(doc, `Coauthor${names.length > 1 ? 's' : ''} of ${of.name}: ${names.join(', ')}`, names, of.color, 'co'),
  );
  if (moreCoauthorsOf > 0) {
    const text = `Also coauthors of ${moreCoauthorsOf} more ${moreCoauthorsOf === 1 ? 'person' : 'people'} you follow`;
    chips.push(chipView(doc, text, [`+${moreCoauthorsOf}`], NEUTRAL, 'co more'));
  }
  const names = followed.map((author) => author.name);
  if (names.length) {
    const text = `Not in your library yet, by ${names.join(' and ')}, whom you follow`;
    chips.push(chipView(doc, text, names, followed[0]?.color ?? NEUTRAL, 'followed'));
  }
  return chips;
}

/** A followed author's colour as the custom properties the stylesheet reads (a lighter one for dark mode). */
export const authorStyle = (color: string): string =>
  `--pl-author:${color};--pl-author-dark:color-mix(in srgb, ${color} 45%, white)`;
