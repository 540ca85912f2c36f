import { Field, Input, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { CopyButton } from './copy-button';

const useStyles = makeStyles({
  input: { width: '100%', fontFamily: tokens.fontFamilyMonospace },
  multiline: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  textarea: { flexGrow: 1 },
});

interface CopyFieldProps {
  readonly label: string;
  readonly value: string;
  readonly hint?: string;
  /** Show the whole value over several lines (a message to read before sending), instead of one line. */
  readonly multiline?: boolean;
}

/** A read-only value with a copy button, for anything the admin pastes elsewhere. */
export function CopyField({ label, value, hint, multiline = false }: CopyFieldProps) {
  const styles = useStyles();
  const id = useId();
  return (
    <Field label={{ children: label, htmlFor: id }} hint={hint}>
      {multiline ? (
        <div className={styles.multiline}>
          <Textarea id={id} className={styles.textarea} value={value} readOnly resize="vertical" rows={6} />
          <CopyButton label={label} value={value} />
        </div>
      ) : (
        <Input
          id={id}
          className={styles.input}
          value={value}
          readOnly
          contentAfter={<CopyButton label={label} value={value} appearance="transparent" />}
        />
      )}
    </Field>
  );
}
