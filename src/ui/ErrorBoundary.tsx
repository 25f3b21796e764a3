import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** The part that failed, as the learner would name it ("the event log", "your saved scenarios"). */
  part: string;
  children?: ReactNode;
  /** Offer the way back to the start page (off on the start page itself). */
  home?: boolean;
}

interface State {
  failed: boolean;
  attempt: number;
}

/**
 * Keeps one failing part from blanking the whole page: it shows what failed (in the learner's
 * words, never the raw error text), that nothing stored was changed, and a way out — try the part
 * again, or go back to all scenarios. React itself reports the caught error to the console for
 * developers; nothing more is logged here.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, attempt: 0 };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo) {
    // Reported by React (onCaughtError); the learner's message is rendered below.
  }

  override render() {
    const { part, children, home = true } = this.props;
    if (!this.state.failed) return <ErrorBoundaryAttempt key={this.state.attempt}>{children}</ErrorBoundaryAttempt>;
    return (
      <div className="panel error-boundary" role="alert">
        <p className="error">
          Something went wrong while showing {part}, so it is hidden. The rest of the page still works, and nothing
          stored was changed.
        </p>
        <p>
          <button type="button" onClick={() => this.setState((s) => ({ failed: false, attempt: s.attempt + 1 }))}>
            Try again
          </button>
          {home && (
            <>
              {' '}
              <a href="#/">← All scenarios</a>
            </>
          )}
        </p>
      </div>
    );
  }
}

/** Remounted on "Try again" (a new key), so the part starts from scratch. */
function ErrorBoundaryAttempt({ children }: { children?: ReactNode }) {
  return <>{children}</>;
}
