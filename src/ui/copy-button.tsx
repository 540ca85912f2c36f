import { Button, Tooltip } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useAnnouncer } from './live-status';

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
  const announce = useAnnouncer();
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
      announce(`${label} copied`);
      onCopied?.();
    } catch {
      setState('failed');
      announce(`Could not copy ${label}: select the text and copy it`);
    }
  };
  const tip =
    state === 'copied'
      ? 'Copied'
      : state === 'failed'
        ? 'Copy failed: select the text and copy it'
        : `Copy ${label}`;
  // The tooltip shows the outcome; the page's live region says it, once.
  return (
    <Tooltip content={tip} relationship="description" visible={state === 'idle' ? undefined : true}>
      <Button
        appearance={appearance}
        aria-label={`Copy ${label}`}
        icon={state === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
        onClick={() => void copy()}
      />
    </Tooltip>
  );
}
