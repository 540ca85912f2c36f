import { Button, Tooltip } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';

interface CopyButtonProps {
  /** What is copied, for the accessible name: "Copy {label}". */
  readonly label: string;
  readonly value: string;
  readonly appearance?: 'subtle' | 'secondary' | 'transparent';
  /** Called once the value is on the clipboard. */
  readonly onCopied?: () => void;
}

/** Copies a value to the clipboard and says so, to sighted and screen-reader users alike. */
export function CopyButton({ label, value, appearance = 'subtle', onCopied }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
      onCopied?.();
    } catch {
      setState('failed');
    }
  };
  const tip =
    state === 'copied'
      ? 'Copied'
      : state === 'failed'
        ? 'Copy failed: select the text and copy it'
        : `Copy ${label}`;
  return (
    <>
      <Tooltip content={tip} relationship="description" visible={state === 'idle' ? undefined : true}>
        <Button
          appearance={appearance}
          aria-label={`Copy ${label}`}
          icon={state === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
          onClick={() => void copy()}
        />
      </Tooltip>
      <span role="status" className="visually-hidden">
        {state === 'copied' ? `${label} copied` : state === 'failed' ? `Could not copy ${label}` : ''}
      </span>
    </>
  );
}
