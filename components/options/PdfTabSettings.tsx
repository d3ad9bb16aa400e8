import type { SettingsSectionProps } from './settings-section';

/** Whether an arXiv PDF's tab is named after its paper; in Firefox it cannot be, and the text says so. */
export function PdfTabSettings({ settings, change }: SettingsSectionProps) {
  return (
    <fieldset>
      <legend>arXiv PDF tabs</legend>
      <label>
        <input
          type="checkbox"
          checked={settings.pdfTabTitles}
          onChange={(event) => change({ pdfTabTitles: event.currentTarget.checked })}
        />
        Name the tab of a library paper's PDF after the paper, e.g. “Mixture of Tokens … (arXiv 2310.15961)”
      </label>
      <p class="hint">
        Instead of the file name (2310.15961v2.pdf), in Chrome, for PDFs opened from now on. Firefox's built-in PDF
        viewer lets no extension into its pages, so there the tab keeps the PDF's own name; the toolbar icon and the
        popup still know the paper from the tab's address in both browsers.
      </p>
    </fieldset>
  );
}
