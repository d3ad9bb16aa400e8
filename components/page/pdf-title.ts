import { answerPageMessage, sendToBackground } from '../../lib/content-messages';
import { arxiv } from '../../lib/links/arxiv';
import { readSettings } from '../../lib/settings/reader';

/** Title changes this soon after Paperlens named the tab are its own, echoed back by the background. */
const ECHO_MS = 400;

/** What an arXiv PDF's tab is named: `Mixture of Tokens … (arXiv 2310.15961)`. */
export function pdfTabTitle(title: string, id: string): string {
  return `${title} (arXiv ${id})`;
}

/**
 * Names the tab of an arXiv PDF (Chrome's viewer page, an `application/pdf` document) after its library paper,
 * when the setting is on. Chrome's viewer writes its own title once the PDF has loaded, without touching the
 * document's: the background sees the tab's title change and says so, and the name is put back.
 */
export async function namePdfTab(doc: Document, signal: AbortSignal): Promise<void> {
  const id = doc.contentType === 'application/pdf' && arxiv.match(new URL(doc.URL))?.id;
  if (!id || !(await readSettings()).pdfTabTitles) return;
  const { papers } = await sendToBackground('lookupPapers', { ids: [id], dois: [], titles: [] });
  const title = papers[0]?.displayTitle;
  if (!title || signal.aborted) return;
  let named = 0;
  const name = () => {
    named = Date.now();
    // The same text set through document.title is ignored; a new text node makes Chrome take the title again.
    const element = doc.querySelector('title') ?? doc.head.appendChild(doc.createElement('title'));
    element.textContent = pdfTabTitle(title, id);
  };
  name();
  answerPageMessage('pdfTitleChanged', () => void (Date.now() - named > ECHO_MS && name()), signal);
}
