import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { Component, Suspense, type ErrorInfo, type ReactNode } from 'react';
import { LoadFailure } from './lazy-component';

interface State {
  readonly error: Error | null;
}

/** Code loaded on demand could not be downloaded: say so, and offer the reload that fixes it. Announced at once. */
function LoadFailed({ title }: { readonly title: string }) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        The wizard could not download it: the connection may have dropped, or the site was updated since this
        page opened. Reload the page to try again; the page’s address keeps your choices.
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** Shows what went wrong instead of a blank page. Error details may name values, so only the message is shown. */
export class ErrorBoundary extends Component<{ readonly children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('The wizard hit an unexpected error', error.name, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // In the wizard's place, as its main content; announced at once.
    return (
      <main>
        {error instanceof LoadFailure ? (
          <LoadFailed title="Part of the wizard could not be loaded" />
        ) : (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>Something went wrong</MessageBarTitle>
              {error.message} Reload the page to start again; your shareable link keeps your choices.
            </MessageBarBody>
          </MessageBar>
        )}
      </main>
    );
  }
}

interface LoadFailureBoundaryProps {
  /** The message's title: what could not be loaded. */
  readonly title: string;
  readonly children: ReactNode;
}

/**
 * Around a part of the page loaded on demand (a step, under its heading): when its code could not be downloaded, it
 * says so there, with a reload button, and the rest of the page stays. Any other error goes on to the boundary above.
 * Key it by what it holds, so the next thing starts afresh.
 */
export class LoadFailureBoundary extends Component<LoadFailureBoundaryProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error) {
    if (error instanceof LoadFailure) console.error(error.message, error.cause);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (!(error instanceof LoadFailure)) throw error;
    return <LoadFailed title={this.props.title} />;
  }
}

interface OnDemandProps extends LoadFailureBoundaryProps {
  /** What shows while the code downloads; nothing when absent. */
  readonly fallback?: ReactNode;
}

/**
 * Where a `lazyComponent` renders: `fallback` while its code downloads, and the reload message in its place if it
 * could not be downloaded.
 */
export function OnDemand({ title, fallback = null, children }: OnDemandProps) {
  return (
    <LoadFailureBoundary title={title}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </LoadFailureBoundary>
  );
}
