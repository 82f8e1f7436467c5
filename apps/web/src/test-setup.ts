import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { resetSession, sessionAccess } from './features/session';
import { resetToasts } from './features/toasts';
import { resetFormatSettings } from './lib/format-settings';
import { provideSessionAccess } from './lib/session-access';

/*
 * `findBy…` and `waitFor` give up after 1 s by default. On a CI machine running every project at
 * once, a lazily loaded page can take longer than that to render; a missing element still fails,
 * only later.
 */
configure({ asyncUtilTimeout: 5_000 });

// As main.tsx does: the API client and the logger send the signed-in session's token.
provideSessionAccess(sessionAccess);

// Client-state stores are module singletons: every test starts from empty ones.
beforeEach(() => {
  resetSession();
  resetToasts();
  resetFormatSettings();
});

// jsdom has <dialog> without its modal methods; the SPA's Dialog calls them.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.open = false;
};
