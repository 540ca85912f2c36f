import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useRef, useState, type ReactNode } from 'react';
import {
  maxCertificateInputBytes,
  tooLargeError,
  type CertificateInputError,
} from '../../crypto/certificate-input-error';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '760px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  hidden: { display: 'none' },
  pem: { fontFamily: tokens.fontFamilyMonospace },
});

interface CertificateInputProps {
  readonly intro: ReactNode;
  /** Names the file input and the paste field, e.g. "Certificate file". */
  readonly fileLabel: string;
  readonly pasteLabel: string;
  readonly chooseLabel: string;
  readonly checkLabel: string;
  /** The check is running: the inputs wait and Cancel is offered. */
  readonly busy: boolean;
  /** Says what is being checked while busy, e.g. "Checking the certificate…". */
  readonly busyLabel: string;
  readonly problem: string | null;
  readonly warnings: readonly string[];
  /** Information about the last check, e.g. which certificate of a chain was used, or that it was cancelled. */
  readonly notes: readonly string[];
  /** A file was chosen (bytes and its name) or text was pasted (name null). */
  readonly onInput: (input: string | Uint8Array, fileName: string | null) => void;
  /** The file or text was refused before it was read: it is far too big to be a certificate. */
  readonly onRefused: (error: CertificateInputError) => void;
  /** Stops the check under way. */
  readonly onCancel: () => void;
}

/** A certificate from a file or pasted as PEM, with the check's problem, warnings and notes below. */
export function CertificateInput(props: CertificateInputProps) {
  const { intro, fileLabel, pasteLabel, chooseLabel, checkLabel, busy, busyLabel, problem, warnings, notes } =
    props;
  const { onInput, onRefused, onCancel } = props;
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');

  return (
    <div className={styles.stack}>
      {intro}
      <div className={styles.row}>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept=".pem,.cer,.crt,.der,.p7b,.p7c,application/x-pem-file,application/pkix-cert"
          aria-label={fileLabel}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            // The size is known before the file is read: a huge file is never loaded into the page.
            if (file.size > maxCertificateInputBytes) onRefused(tooLargeError(file.size, 'file'));
            else void file.arrayBuffer().then((buffer) => onInput(new Uint8Array(buffer), file.name));
          }}
        />
        <Button icon={<DocumentArrowUpRegular />} onClick={() => fileInput.current?.click()} disabled={busy}>
          {chooseLabel}
        </Button>
      </div>
      <Field label={pasteLabel}>
        <Textarea
          className={styles.pem}
          value={text}
          onChange={(_, d) => setText(d.value)}
          rows={8}
          placeholder="-----BEGIN CERTIFICATE-----"
          resize="vertical"
        />
      </Field>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={busy || !text.trim()}
          onClick={() =>
            text.length > maxCertificateInputBytes
              ? onRefused(tooLargeError(text.length, 'text'))
              : onInput(text, null)
          }
        >
          {checkLabel}
        </Button>
        {busy && (
          <>
            <Spinner size="tiny" label={busyLabel} />
            <Button onClick={onCancel}>Cancel</Button>
          </>
        )}
      </div>
      {problem && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {warnings.map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
      {notes.map((note) => (
        <MessageBar key={note} intent="info" layout="multiline">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
