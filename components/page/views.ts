import { categoryStyleText } from '../../lib/categories';
import { authorLine, formatDate, noveltyExplanation, percent } from '../../lib/format';
import { abstractUrl, pdfUrl } from '../../lib/links/arxiv-id';
import type { PaperSummary } from '../../lib/message-schemas';
import type { BadgeParts } from '../../lib/settings/model';
import { type Child, el } from './dom';

/** A category code in its colour, full name on hover (`LG` → "Machine Learning"). */
export function categoryChip(doc: Document, code: string, name: string): HTMLSpanElement {
  return el(doc, 'span', { class: 'cat', title: name, style: categoryStyleText(code) }, code);
}

/**
 * The inline badge after a paper link: category, novelty meter, coauthor count; a button that opens the card
 * (the badge layer adds its listeners to each copy).
 */
export function badgeView(doc: Document, paper: PaperSummary, parts: BadgeParts): HTMLButtonElement {
  const novelty = percent(paper.novelty.score);
  const coauthors = paper.coauthors.length;
  return el(
    doc,
    'button',
    {
      type: 'button',
      class: parts.category ? 'badge' : 'badge no-cat',
      'aria-haspopup': 'dialog',
      'aria-label': `Paperlens: ${paper.displayTitle}. ${paper.categoryName}, novelty ${novelty}, ${coauthors} coauthor${coauthors === 1 ? '' : 's'} of Jan Ludziejewski. Show details`,
    },
    parts.category && categoryChip(doc, paper.category, paper.categoryName),
    parts.novelty &&
      el(
        doc,
        'span',
        { class: 'nov', title: `Novelty ${novelty}`, style: `--pl-value:${paper.novelty.score}` },
        novelty,
      ),
    parts.coauthors && el(doc, 'span', { class: 'co people', title: `${coauthors} coauthors` }, coauthors),
    !parts.category && !parts.novelty && !parts.coauthors && 'Paperlens',
  );
}

export interface DetailsState {
  paper: PaperSummary;
  saving: boolean;
  error: string | null;
}

/** What Paperlens knows about a paper: the body of the badge card and of the arXiv page panel. */
export function paperDetailsView(
  doc: Document,
  { paper, saving, error }: DetailsState,
  titleId: string,
  onToggleSave: () => void,
  onOpenInsights?: () => void,
): Child[] {
  const link = (href: string, text: string) =>
    el(doc, 'a', { href, target: '_blank', rel: 'noopener noreferrer' }, text);
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
    paper.coauthors.length > 0 &&
      el(
        doc,
        'div',
        { class: 'row' },
        el(doc, 'span', { class: 'label' }, 'Coauthors of Jan Ludziejewski · corpus papers shared'),
        el(
          doc,
          'ul',
          { class: 'coauthors' },
          ...paper.coauthors.map((coauthor) =>
            el(
              doc,
              'li',
              { 'data-coauthor': coauthor.name },
              coauthor.name,
              el(doc, 'b', { title: `${coauthor.sharedPapers} corpus papers shared` }, coauthor.sharedPapers),
            ),
          ),
        ),
      ),
    el(doc, 'p', { class: 'row novelty' }, noveltyExplanation(paper.novelty, paper.closestEarlierTitle)),
    paper.relatedPapers.length > 0 &&
      el(
        doc,
        'div',
        { class: 'row' },
        el(doc, 'span', { class: 'label' }, 'Most similar papers by the author'),
        el(
          doc,
          'ol',
          { class: 'related' },
          ...paper.relatedPapers.map((related) =>
            el(
              doc,
              'li',
              { 'data-related-id': related.id },
              link(abstractUrl(related.id), related.title),
              ` ${percent(related.similarity)}`,
            ),
          ),
        ),
      ),
    el(
      doc,
      'div',
      { class: 'actions' },
      link(abstractUrl(paper.id), 'Abstract'),
      link(pdfUrl(paper.id), 'PDF'),
      paper.codeUrl && link(paper.codeUrl, 'Code'),
      onOpenInsights && el(doc, 'button', { type: 'button', class: 'insights', onclick: onOpenInsights }, 'Insights'),
      el(
        doc,
        'button',
        // Not `disabled` while saving: a disabled button drops keyboard focus.
        {
          type: 'button',
          class: 'save',
          'aria-pressed': String(paper.saved),
          'aria-busy': saving,
          onclick: onToggleSave,
        },
        paper.saved ? 'Saved' : 'Save',
      ),
    ),
    error && el(doc, 'p', { class: 'error', role: 'alert' }, error),
  ];
}

export interface CardHandlers {
  toggleSave(): void;
  openInsights?: (() => void) | undefined;
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
    ...paperDetailsView(doc, state, titleId, on.toggleSave, on.openInsights),
  );
}

/** The richer panel under the title of a corpus paper's own arXiv abstract page. */
export function panelView(
  doc: Document,
  state: DetailsState,
  onToggleSave: () => void,
  onOpenInsights?: () => void,
): HTMLElement {
  const titleId = 'paperlens-panel-title';
  return el(
    doc,
    'section',
    { class: 'panel', 'aria-labelledby': titleId },
    el(doc, 'p', { class: 'sub' }, el(doc, 'strong', {}, 'Paperlens'), " · one of Jan Ludziejewski's papers"),
    ...paperDetailsView(doc, state, titleId, onToggleSave, onOpenInsights),
  );
}

/** Marks an arXiv listing entry whose authors include coauthors of the author. */
export function coauthorChipView(doc: Document, names: readonly string[]): HTMLSpanElement {
  const text = `Coauthor${names.length > 1 ? 's' : ''} of Jan Ludziejewski: ${names.join(', ')}`;
  return el(
    doc,
    'span',
    { class: 'chip', title: text, role: 'note', 'aria-label': `Paperlens: ${text}` },
    el(doc, 'span', { class: 'people' }, names.join(', ')),
  );
}
