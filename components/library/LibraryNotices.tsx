import type { Notices } from './use-notice';

/** The page's one notice: an error until dismissed, or what was just done. */
export function LibraryNotices({ notices }: { notices: Notices }) {
  return (
    <>
      {notices.alert && (
        <p class="notice error" role="alert">
          {notices.alert}
          <button type="button" class="link-button" onClick={notices.dismiss}>
            Dismiss
          </button>
        </p>
      )}
      <div class="notice-slot" role="status" aria-live="polite">
        {notices.status && <p class="notice">{notices.status}</p>}
      </div>
    </>
  );
}
