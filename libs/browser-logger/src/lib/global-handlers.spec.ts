import { type GlobalEventActions, listenToGlobalEvents } from './global-handlers';

/** Window and document as event targets; events carry the fields browsers give them. */
function page() {
  const window = new EventTarget();
  const document = Object.assign(new EventTarget(), {
    visibilityState: 'visible' as DocumentVisibilityState,
  });
  const actions: jest.Mocked<GlobalEventActions> = {
    captureError: jest.fn(),
    handOff: jest.fn(),
    resume: jest.fn(),
  };
  const uninstall = listenToGlobalEvents(actions, { window, document });
  return { window, document, actions, uninstall };
}

const event = (type: string, fields: object = {}) => Object.assign(new Event(type), fields);

describe('listenToGlobalEvents', () => {
  it('captures an uncaught error with where it was thrown', () => {
    const { window, actions } = page();
    const error = new TypeError('x is undefined');
    window.dispatchEvent(
      event('error', {
        error,
        message: 'Uncaught TypeError: x is undefined',
        filename: 'app.js',
        lineno: 3,
        colno: 9,
      }),
    );
    expect(actions.captureError).toHaveBeenCalledWith(error, {
      source: 'window.onerror',
      filename: 'app.js',
      line: 3,
      column: 9,
    });
  });

  it('captures the message of a cross-origin script error, which has no error object', () => {
    const { window, actions } = page();
    window.dispatchEvent(
      event('error', { error: null, message: 'Script error.', filename: '', lineno: 0, colno: 0 }),
    );
    expect(actions.captureError).toHaveBeenCalledWith(
      'Script error.',
      expect.objectContaining({ source: 'window.onerror' }),
    );
  });

  it('captures the reason of an unhandled rejection', () => {
    const { window, actions } = page();
    const reason = new Error('request aborted');
    window.dispatchEvent(event('unhandledrejection', { reason }));
    expect(actions.captureError).toHaveBeenCalledWith(reason, { source: 'unhandledrejection' });
  });

  it('hands off on pagehide and when the document becomes hidden, not when visible', () => {
    const { window, document, actions } = page();
    window.dispatchEvent(event('pagehide'));
    document.dispatchEvent(event('visibilitychange'));
    expect(actions.handOff).toHaveBeenCalledTimes(1);
    document.visibilityState = 'hidden';
    document.dispatchEvent(event('visibilitychange'));
    expect(actions.handOff).toHaveBeenCalledTimes(2);
  });

  it('resumes sending when the browser is online again', () => {
    const { window, actions } = page();
    window.dispatchEvent(event('online'));
    expect(actions.resume).toHaveBeenCalledTimes(1);
  });

  it('removes every listener it added', () => {
    const { window, document, actions, uninstall } = page();
    uninstall();
    document.visibilityState = 'hidden';
    for (const type of ['error', 'unhandledrejection', 'pagehide', 'online'])
      window.dispatchEvent(event(type));
    document.dispatchEvent(event('visibilitychange'));
    expect(actions.captureError).not.toHaveBeenCalled();
    expect(actions.handOff).not.toHaveBeenCalled();
    expect(actions.resume).not.toHaveBeenCalled();
  });
});
