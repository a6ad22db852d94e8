import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Icon } from './Icon';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** Headline of the fallback, naming what failed ("This section failed to show"). */
  title: string;
  /** Defaults to reloading the page, which restarts the renderer without touching the main side. */
  onReload?: () => void;
}

interface ErrorBoundaryState {
  error: Error | null;
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

/**
 * Catches a render failure below it and shows what happened with a way out, instead of the blank
 * window React leaves behind by default.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: toError(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The renderer holds no secrets, so the error can go to the devtools console as it is.
    console.error('Roledeck UI error', error, info.componentStack);
  }

  private readonly reload = (): void => {
    if (this.props.onReload) this.props.onReload();
    else window.location.reload();
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="error-panel" role="alert">
        <Icon name="alert" className="error-panel__icon" />
        <div className="error-panel__text">
          <h2 className="error-panel__title">{this.props.title}</h2>
          <p>
            Roledeck hit an unexpected error while drawing this view. Your keys and sessions are not
            affected. Reload to try again; if it keeps happening, the details below help a bug report.
          </p>
          <pre className="error-panel__detail">{error.message || error.name}</pre>
          <button type="button" className="button button--primary" onClick={this.reload}>
            Reload
          </button>
        </div>
      </div>
    );
  }
}
