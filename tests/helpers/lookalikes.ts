/**
 * What a hostile page can do before Paperlens runs: define custom elements under the names Paperlens
 * might use, whose code presses every button inside them. Each records its name in `window.__ran` when it
 * runs. Self-contained, so Playwright can run it as an init script in a page.
 */
export function defineLookalikes(): void {
  const ran: string[] = [];
  (window as unknown as { __ran: string[] }).__ran = ran;
  for (const name of ['paperlens-badge', 'paperlens-card', 'paperlens-panel', 'paperlens-coauthor']) {
    customElements.define(
      name,
      class extends HTMLElement {
        connectedCallback() {
          ran.push(name);
          for (const button of this.shadowRoot?.querySelectorAll('button') ?? []) button.click();
        }
      },
    );
  }
}
