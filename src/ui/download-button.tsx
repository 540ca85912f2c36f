import { Button } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { saveFile } from './save-file';

interface DownloadButtonProps {
  readonly fileName: string;
  readonly content: () => string | Uint8Array;
  readonly type?: string;
  readonly appearance?: 'primary' | 'secondary';
  /** Called after the browser was handed the file, e.g. to record that a key was saved. */
  readonly onSaved?: () => void;
}

export function DownloadButton({
  fileName,
  content,
  type,
  appearance = 'secondary',
  onSaved,
}: DownloadButtonProps) {
  return (
    <Button
      appearance={appearance}
      icon={<ArrowDownloadRegular />}
      onClick={() => {
        saveFile(fileName, content(), type);
        onSaved?.();
      }}
    >
      Download {fileName}
    </Button>
  );
}
