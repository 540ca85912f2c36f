import { ConfirmDialog } from '../ui/confirm-dialog';
import { unsavedWarning } from './finish';

interface FinishDialogProps {
  readonly open: boolean;
  readonly unsaved: readonly string[];
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** Asks before Finish removes what was never saved. */
export function FinishDialog({ unsaved, ...props }: FinishDialogProps) {
  return (
    <ConfirmDialog
      {...props}
      title="Finish without saving?"
      cancelLabel="Go back and save"
      confirmLabel="Finish anyway"
    >
      {unsavedWarning(unsaved)}
    </ConfirmDialog>
  );
}
