import { useState } from 'preact/hooks';

interface UnfollowConfirmProps {
  name: string;
  onConfirm(): Promise<boolean>;
  onCancel(): void;
}

/** Asks before unfollowing, and says what it does and does not remove. */
export function UnfollowConfirm({ name, onConfirm, onCancel }: UnfollowConfirmProps) {
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    if (!(await onConfirm())) setBusy(false);
  };
  return (
    <fieldset class="unfollow-confirm">
      <legend>Unfollow {name}?</legend>
      <p>
        Their papers that no other followed author shares leave the library, except those a file of yours brought. Your
        reading list is never touched.
      </p>
      <button type="button" disabled={busy} onClick={() => void confirm()}>
        Yes, unfollow
      </button>
      <button type="button" onClick={onCancel}>
        Keep following
      </button>
    </fieldset>
  );
}
