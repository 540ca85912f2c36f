import { ConfirmDialog } from '../../ui/confirm-dialog';

interface DiscardKeyDialogProps {
  readonly open: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** Asks before a new certificate replaces one whose private key was never downloaded. */
export function DiscardKeyDialog(props: DiscardKeyDialogProps) {
  return (
    <ConfirmDialog
      {...props}
      title="Replace a key you have not saved?"
      cancelLabel="Keep the current one"
      confirmLabel="Replace it"
    >
      The current certificate’s private key has not been downloaded. A new certificate replaces it, and the
      old key cannot be recovered.
    </ConfirmDialog>
  );
}
