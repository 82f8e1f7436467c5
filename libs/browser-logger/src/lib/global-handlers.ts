import type { LogContext } from './log-entry';

/** Where the page's events come from; `window` and `document` unless a test hands in others. */
export interface GlobalTargets {
  window: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  document: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
}

export interface GlobalEventActions {
  captureError(error: unknown, context: LogContext): void;
  /** The page may never run again: send what is left by beacon. */
  handOff(): void;
  /** The network is back. */
  resume(): void;
}

type Listener = [
  target: GlobalTargets['window'] | GlobalTargets['document'],
  type: string,
  listener: (event: Event) => void,
];

/** Listens for uncaught errors, unhandled rejections, the page going away and coming online. */
export function listenToGlobalEvents(
  actions: GlobalEventActions,
  { window, document }: GlobalTargets,
): () => void {
  const listeners: Listener[] = [
    [
      window,
      'error',
      (event) => {
        const errorEvent = event as ErrorEvent;
        const { message, filename, lineno, colno } = errorEvent;
        // Whatever was thrown (the DOM types it as any); errors of cross-origin scripts arrive
        // as "Script error." without an error object.
        const thrown: unknown = errorEvent.error;
        actions.captureError(thrown ?? message, {
          source: 'window.onerror',
          filename,
          line: lineno,
          column: colno,
        });
      },
    ],
    [
      window,
      'unhandledrejection',
      (event) =>
        actions.captureError((event as PromiseRejectionEvent).reason, {
          source: 'unhandledrejection',
        }),
    ],
    // `pagehide`, not `unload`: it also fires when the page goes into the back/forward cache.
    [window, 'pagehide', () => actions.handOff()],
    // On mobile a hidden page is often killed without `pagehide`.
    [
      document,
      'visibilitychange',
      () => {
        if (document.visibilityState === 'hidden') actions.handOff();
      },
    ],
    [window, 'online', () => actions.resume()],
  ];
  for (const [target, type, listener] of listeners) target.addEventListener(type, listener);
  return () => {
    for (const [target, type, listener] of listeners) target.removeEventListener(type, listener);
  };
}
