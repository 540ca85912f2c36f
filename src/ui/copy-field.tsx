import { Field, Input, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef } from 'react';
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
  /**
   * Focus the field with its whole value selected as soon as it shows, ready for Ctrl+C: for when the browser refused
   * the clipboard and the admin copies by hand.
   */
  readonly selected?: boolean;
}

/** A read-only value with a copy button, for anything the admin pastes elsewhere. */
export function CopyField({ label, value, hint, multiline = false, selected = false }: CopyFieldProps) {
  const styles = useStyles();
  const id = useId();
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!selected) return;
    field.current?.focus();
    field.current?.select();
  }, [selected, value]);
  return (
    <Field label={{ children: label, htmlFor: id }} hint={hint}>
      {multiline ? (
        <div className={styles.multiline}>
          <Textarea
            id={id}
            ref={field}
            className={styles.textarea}
            value={value}
            readOnly
            resize="vertical"
            rows={6}
          />
          <CopyButton label={label} value={value} />
        </div>
      ) : (
        <Input
          id={id}
          ref={field}
          className={styles.input}
          value={value}
          readOnly
          contentAfter={<CopyButton label={label} value={value} appearance="transparent" />}
        />
      )}
    </Field>
  );
}
