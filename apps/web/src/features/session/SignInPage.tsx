import { Link } from 'react-router';
import { TextField } from '../../ui';
import { useSignIn } from './api/sign-in';
import { fieldMessageOf, formMessageOf } from './auth-errors';
import { AuthFrame } from './components/AuthFrame';
import { FormAlert } from './components/FormAlert';
import { SubmitButton } from './components/SubmitButton';
import { withNextOf } from './next-path';
import { useSession } from './session-store';
import { useSessionForm } from './use-session-form';

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const signIn = useSignIn();
  const sessionExpired = useSession((state) => state.ended === 'expired');
  const { formRef, submit, search } = useSessionForm(signIn, FIELDS);

  return (
    <AuthFrame
      title="Sign in"
      intro="Welcome back. Sign in to see your money and every change to it."
      footer={
        <>
          New to Ledgerlens? <Link to={withNextOf('/register', search)}>Create an account</Link>
        </>
      }
    >
      {sessionExpired && !signIn.error && (
        <p className="auth__notice" role="status">
          Your session has ended. Sign in again to continue where you left off.
        </p>
      )}
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormAlert message={formMessageOf(signIn.error, FIELDS)} />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          required
          error={fieldMessageOf(signIn.error, 'email')}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={fieldMessageOf(signIn.error, 'password')}
        />
        <SubmitButton pending={signIn.isPending} label="Sign in" pendingLabel="Signing in…" />
      </form>
    </AuthFrame>
  );
}
