import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { reportTraceIdOf } from '../lib/api-error';
import { ErrorState } from '../ui';
import type { ErrorContext } from './report-error';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** Told about every error caught, once. */
  onError(error: unknown, info: ErrorInfo): void;
  /** Called by "Try again" before the children render again. */
  onReset?(): void;
  /** Changing it (another page) clears a caught error. */
  resetKey?: string;
}

type ErrorBoundaryState = { failed: false } | { failed: true; error: unknown };

/** Catches render errors below it, shows what failed and offers to try again. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    // Made now, the trace ID shows as the message's reference; the report (later) logs under it.
    reportTraceIdOf(error);
    return { failed: true, error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError(error, info);
  }

  override componentDidUpdate(previous: ErrorBoundaryProps): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.reset();
  }

  reset = (): void => {
    this.props.onReset?.();
    this.setState({ failed: false });
  };

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <ErrorState title="This page stopped working" error={this.state.error} onRetry={this.reset} />
    );
  }
}

/**
 * The boundary around the routed page: errors go to `onError` with the page's path, "Try again"
 * also lets the queries that failed into the boundary fetch again, and opening another page
 * starts afresh.
 */
export function PageErrorBoundary({
  children,
  onError,
}: {
  children: ReactNode;
  onError(error: unknown, context: ErrorContext): void;
}) {
  const { pathname } = useLocation();
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          resetKey={pathname}
          onReset={reset}
          onError={(error, info) =>
            onError(error, { componentStack: info.componentStack, path: pathname })
          }
        >
          {children}
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}
