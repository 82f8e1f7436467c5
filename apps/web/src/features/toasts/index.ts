/** The toasts feature's public surface: the app and other features import only these. */
export { resetToasts, toast, useToasts } from './toast-store';
export { Toaster } from './Toaster';
