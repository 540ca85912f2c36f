import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { EyeOffRegular, EyeRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { CopyButton } from './copy-button';

const useStyles = makeStyles({
  input: { width: '100%', fontFamily: tokens.fontFamilyMonospace },
});

interface SecretFieldProps {
  readonly label: string;
  readonly value: string;
  readonly hint?: string;
  readonly onCopied?: () => void;
}

/** A secret shown masked, with reveal and copy, like the portal's client secret value. */
export function SecretField({ label, value, hint, onCopied }: SecretFieldProps) {
  const styles = useStyles();
  const id = useId();
  const [revealed, setRevealed] = useState(false);
  return (
    <Field label={{ children: label, htmlFor: id }} hint={hint}>
      <Input
        id={id}
        className={styles.input}
        value={value}
        readOnly
        type={revealed ? 'text' : 'password'}
        autoComplete="off"
        contentAfter={
          <>
            <Button
              appearance="transparent"
              aria-label={revealed ? `Hide ${label}` : `Show ${label}`}
              aria-pressed={revealed}
              icon={revealed ? <EyeOffRegular /> : <EyeRegular />}
              onClick={() => setRevealed((r) => !r)}
            />
            <CopyButton label={label} value={value} appearance="transparent" onCopied={onCopied} />
          </>
        }
      />
    </Field>
  );
}
