import { ConfirmDialog } from '../../ui/confirm-dialog';
import { listInWords } from '../../wizard/finish';

interface SwitchRegistrationDialogProps {
  readonly open: boolean;
  /** What of the rotation under way exists only in this page, in words ("the client secret"). */
  readonly unsaved: readonly string[];
  /** The credential being rotated, in words. */
  readonly rotating: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/**
 * Asks before checking another registration drops a rotation's new secret or private key that was never saved: the
 * rotation belongs to the registration before, and what it made cannot be shown again.
 */
export function SwitchRegistrationDialog({ unsaved, rotating, ...props }: SwitchRegistrationDialogProps) {
  const one = unsaved.length === 1;
  return (
    <ConfirmDialog
      {...props}
      title="Check another registration without saving?"
      cancelLabel="Go back and save"
      confirmLabel="Check the other one anyway"
    >
      The rotation of the {rotating} is under way, and {listInWords(unsaved)} it made {one ? 'has' : 'have'}{' '}
      not been saved. Checking another registration removes {one ? 'it' : 'them'} from this page, and{' '}
      {one ? 'it' : 'they'} cannot be recovered. To keep {one ? 'it' : 'them'}, go back to the rotation (Next,
      then Continue the rotation) and save {one ? 'it' : 'them'} first.
    </ConfirmDialog>
  );
}
