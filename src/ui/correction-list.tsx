import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Correction } from '../catalog/corrections';

const kindLabel = (kind: 'delegated' | 'application') => (kind === 'delegated' ? 'delegated' : 'application');

/** Each name the procedure gets wrong, what the wizard requests instead, and why. */
export function CorrectionList({ corrections }: { readonly corrections: readonly Correction[] }) {
  return (
    <>
      {corrections.map((c) => (
        <MessageBar key={`${c.asWritten.name}-${c.asWritten.kind}`} intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              Corrected: {c.asWritten.name} ({kindLabel(c.asWritten.kind)}) → {c.resolvedTo.name} (
              {kindLabel(c.resolvedTo.kind)})
            </MessageBarTitle>
            {c.reason}
          </MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
