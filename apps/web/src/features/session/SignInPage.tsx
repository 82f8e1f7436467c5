import { Link } from 'react-router';
import type { FormFields } from '../../lib/field-errors';
import { emailAddress, present } from '../../lib/validators';
import { FormError, TextField } from '../../ui';
import { useSignIn } from './api/sign-in';
import { AuthFrame } from './components/AuthFrame';
import { SubmitButton } from './components/SubmitButton';
import { withNextOf } from './next-path';
import { useSession } from './session-store';
import { useSessionForm } from './use-session-form';

type Field = 'email' | 'password';

const FIELDS: FormFields<Field> = {
  email: { label: 'Email' },
  password: { label: 'Password' },
};

const VALIDATORS = {
  email: [emailAddress],
  password: [present('Enter your password')],
};

export function SignInPage() {
  const signIn = useSignIn();
  const sessionExpired = useSession((state) => state.ended === 'expired');
  const { formRef, form, submit, search } = useSessionForm(signIn, FIELDS, VALIDATORS);

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
        <FormError {...form.banner} />
        <TextField
          label={FIELDS.email.label}
          name="email"
          type="email"
          autoComplete="username"
          required
          error={form.errorOf('email')}
        />
        <TextField
          label={FIELDS.password.label}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={form.errorOf('password')}
        />
        <SubmitButton pending={signIn.isPending} label="Sign in" pendingLabel="Signing in…" />
      </form>
    </AuthFrame>
  );
}
