import { Outlet } from 'react-router';
import { Toaster } from '../features/toasts';

/** Every page, signed in or not: toasts must outlive a move to sign-in (e.g. after sign-out). */
export function AppFrame() {
  return (
    <>
      <Outlet />
      <Toaster />
    </>
  );
}
