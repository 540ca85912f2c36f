import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { DismissRegular, LinkRegular } from '@fluentui/react-icons';
import { useEffect, useId, useState } from 'react';
import { OnDemand } from './error-boundary';
import { lazyComponent } from './lazy-component';
import { useAnnouncer } from './live-status';

/** Shown only when the browser refuses the clipboard: its code (a text field, a tooltip) loads then. */
const CopyField = lazyComponent(() => import('./copy-field').then((m) => m.CopyField));

type CopyLinkState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'copied' }
  /** The browser refused the clipboard: the link as it was when the admin asked, to copy by hand. */
  | { readonly kind: 'failed'; readonly link: string };

/** "Copy link to this setup": the state its button and its fallback share. */
export interface CopyLink {
  readonly state: CopyLinkState;
  /** The id of the button, which takes the focus back when the fallback is dismissed. */
  readonly buttonId: string;
  copy(): void;
  dismiss(): void;
}

/** Copies the page's address, which always holds the choices so far, and remembers how that went. */
export function useCopyLink(): CopyLink {
  const [state, setState] = useState<CopyLinkState>({ kind: 'idle' });
  const buttonId = useId();
  const copy = () => {
    const link = window.location.href;
    void (async () => {
      try {
        await navigator.clipboard.writeText(link);
        setState({ kind: 'copied' });
      } catch {
        setState({ kind: 'failed', link });
      }
    })();
  };
  const dismiss = () => {
    setState({ kind: 'idle' });
    document.getElementById(buttonId)?.focus();
  };
  return { state, buttonId, copy, dismiss };
}

/** The header's button that copies the link, and says whether it did, to sighted and screen-reader users alike. */
export function CopyLinkButton({ copyLink }: { readonly copyLink: CopyLink }) {
  const { state } = copyLink;
  const announce = useAnnouncer();
  // Each copy is a new state, so copying again is said again.
  useEffect(() => {
    if (state.kind === 'copied') announce('Link to this setup copied');
    else if (state.kind === 'failed') announce('Could not copy the link to this setup');
  }, [state, announce]);
  return (
    <Button appearance="primary" icon={<LinkRegular />} id={copyLink.buttonId} onClick={copyLink.copy}>
      {state.kind === 'copied' ? 'Link copied' : 'Copy link to this setup'}
    </Button>
  );
}

/**
 * When the browser refused the clipboard: the link in a field, focused and selected, to copy by hand, as the other
 * copy buttons leave their text to select. Renders nothing otherwise.
 */
export function CopyLinkFallback({ copyLink }: { readonly copyLink: CopyLink }) {
  const { state } = copyLink;
  if (state.kind !== 'failed') return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Copy the link yourself</MessageBarTitle>
        The browser did not let the wizard use the clipboard. The link is selected: press Ctrl+C (⌘C on a Mac)
        to copy it.
        <OnDemand title="The link could not be shown">
          <CopyField label="Link to this setup" value={state.link} selected />
        </OnDemand>
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label="Dismiss"
            icon={<DismissRegular />}
            onClick={copyLink.dismiss}
          />
        }
      />
    </MessageBar>
  );
}
