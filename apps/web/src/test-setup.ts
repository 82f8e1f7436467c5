import '@testing-library/jest-dom';
import { resetSession } from './features/session/session-store';
import { resetToasts } from './features/toasts/toast-store';

// Client-state stores are module singletons: every test starts from empty ones.
beforeEach(() => {
  resetSession();
  resetToasts();
});

// jsdom has <dialog> without its modal methods; the SPA's Dialog calls them.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.open = false;
};
