import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  readonly error: Error | null;
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
    if (!this.state.error) return this.props.children;
    // In the wizard's place, as its main content; announced at once.
    return (
      <main>
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>Something went wrong</MessageBarTitle>
            {this.state.error.message} Reload the page to start again; your shareable link keeps your choices.
          </MessageBarBody>
        </MessageBar>
      </main>
    );
  }
}
