import { Field, Input, makeStyles } from '@fluentui/react-components';
import { useId } from 'react';
import { CopyButton } from './copy-button';

const useStyles = makeStyles({
  input: { width: '100%', fontFamily: 'Consolas, "Cascadia Mono", monospace' },
});

interface CopyFieldProps {
  readonly label: string;
  readonly value: string;
  readonly hint?: string;
}

/** A read-only value with a copy button, for anything the admin pastes elsewhere. */
export function CopyField({ label, value, hint }: CopyFieldProps) {
  const styles = useStyles();
  const id = useId();
  return (
    <Field label={{ children: label, htmlFor: id }} hint={hint}>
      <Input
        id={id}
        className={styles.input}
        value={value}
        readOnly
        contentAfter={<CopyButton label={label} value={value} appearance="transparent" />}
      />
    </Field>
  );
}
