import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';

interface DiscardKeyDialogProps {
  readonly open: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** Asks before a new certificate replaces one whose private key was never downloaded. */
export function DiscardKeyDialog({ open, onConfirm, onCancel }: DiscardKeyDialogProps) {
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Replace a key you have not saved?</DialogTitle>
          <DialogContent>
            The current certificate’s private key has not been downloaded. A new certificate replaces it, and
            the old key cannot be recovered.
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              Keep the current one
            </Button>
            <Button appearance="primary" onClick={onConfirm}>
              Replace it
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
