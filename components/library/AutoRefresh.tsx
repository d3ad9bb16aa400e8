import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { withArxivPermission } from '../../lib/library/arxiv-permission';
import { autoRefresh } from '../../lib/library/auto-refresh';

/** "Refresh every day": off until the user turns it on; turning it on asks for arXiv's permission in that click. */
export function AutoRefresh() {
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    void autoRefresh.get().then(setOn);
    return autoRefresh.watch(setOn);
  }, []);
  const toggle = (event: Event) => {
    const wanted = (event.currentTarget as HTMLInputElement).checked;
    if (!wanted) return void autoRefresh.set(false);
    void withArxivPermission(browser.permissions, () => autoRefresh.set(true)).then((answer) => {
      if (!answer.granted) setOn(false);
    });
  };
  return (
    <label class="auto-refresh">
      <input type="checkbox" checked={on === true} disabled={on === null} onChange={toggle} />
      Refresh every followed author from arXiv once a day
    </label>
  );
}
