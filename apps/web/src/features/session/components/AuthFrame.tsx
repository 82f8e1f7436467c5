import type { ReactNode } from 'react';
import './auth.css';

/** The calm, centred card that sign-in and registration share. */
export function AuthFrame({
  title,
  intro,
  footer,
  children,
}: {
  title: string;
  intro: string;
  footer: ReactNode;
  children: ReactNode;
}) {
  return (
    <main className="auth">
      <div className="auth__card card">
        <p className="brand auth__brand">Ledgerlens</p>
        <h1 className="auth__title">{title}</h1>
        <p className="auth__intro">{intro}</p>
        {children}
        <p className="auth__footer">{footer}</p>
      </div>
    </main>
  );
}
