import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { unsavedWarning } from './finish';

interface FinishDialogProps {
  readonly open: boolean;
  readonly unsaved: readonly string[];
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** Asks before Finish removes what was never saved. */
export function FinishDialog({ open, unsaved, onConfirm, onCancel }: FinishDialogProps) {
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Finish without saving?</DialogTitle>
          <DialogContent>{unsavedWarning(unsaved)}</DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              Go back and save
            </Button>
            <Button appearance="primary" onClick={onConfirm}>
              Finish anyway
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
