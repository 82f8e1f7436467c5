import { Link } from 'react-router';
import { TextField } from '../../ui';
import { useRegister } from './api/register';
import { fieldMessageOf, formMessageOf } from './auth-errors';
import { AuthFrame } from './components/AuthFrame';
import { FormAlert } from './components/FormAlert';
import { SubmitButton } from './components/SubmitButton';
import { withNextOf } from './next-path';
import { useSessionForm } from './use-session-form';

const FIELDS = ['displayName', 'email', 'password'] as const;

export function RegisterPage() {
  const register = useRegister();
  const { formRef, submit, search } = useSessionForm(register, FIELDS);

  return (
    <AuthFrame
      title="Create your account"
      intro="Track transactions and budgets, with a full history of every change."
      footer={
        <>
          Already have an account? <Link to={withNextOf('/sign-in', search)}>Sign in</Link>
        </>
      }
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormAlert message={formMessageOf(register.error, FIELDS)} />
        <TextField
          label="Your name"
          name="displayName"
          autoComplete="name"
          required
          maxLength={100}
          error={fieldMessageOf(register.error, 'displayName')}
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          error={fieldMessageOf(register.error, 'email')}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          hint="At least 8 characters."
          error={fieldMessageOf(register.error, 'password')}
        />
        <SubmitButton
          pending={register.isPending}
          label="Create account"
          pendingLabel="Creating your account…"
        />
      </form>
    </AuthFrame>
  );
}
