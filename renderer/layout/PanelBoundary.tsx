import { Component, type ErrorInfo, type ReactNode } from 'react';

interface PanelBoundaryProps {
  /** Shown above the error, e.g. "Stage". */
  name: string;
  /** The retry button's name. */
  retry: string;
  /** A new value (another run) gives the panel another try. */
  resetKey: unknown;
  children: ReactNode;
}

interface PanelBoundaryState {
  error: Error | null;
  key: unknown;
}

/**
 * Keeps one panel's failure inside the panel: the toolbar, the timeline and
 * Stop keep working, and the panel says what went wrong in words.
 */
export class PanelBoundary extends Component<PanelBoundaryProps, PanelBoundaryState> {
  override state: PanelBoundaryState = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<PanelBoundaryState> {
    return { error };
  }

  static getDerivedStateFromProps(props: PanelBoundaryProps, state: PanelBoundaryState): Partial<PanelBoundaryState> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.name} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="panel-failed" role="alert">
        <span className="octagon" aria-hidden="true" />
        <p>
          <strong>{this.props.name}</strong>: {this.state.error.message}
        </p>
        <button type="button" className="small-button" aria-label={this.props.retry} onClick={() => this.setState({ error: null })}>
          ↻
        </button>
      </div>
    );
  }
}
