import { Link } from 'react-router';
import type { FormFields } from '../../lib/field-errors';
import { emailAddress, longEnough, present } from '../../lib/validators';
import { FormError, TextField } from '../../ui';
import { useRegister } from './api/register';
import { AuthFrame } from './components/AuthFrame';
import { SubmitButton } from './components/SubmitButton';
import { withNextOf } from './next-path';
import { useSessionForm } from './use-session-form';

type Field = 'displayName' | 'email' | 'password';

const FIELDS: FormFields<Field> = {
  displayName: { label: 'Your name' },
  email: { label: 'Email' },
  password: { label: 'Password' },
};

const VALIDATORS = {
  displayName: [present('Enter your name')],
  email: [emailAddress],
  password: [longEnough(8, 'Enter a password of at least 8 characters')],
};

export function RegisterPage() {
  const register = useRegister();
  const { formRef, form, submit, search } = useSessionForm(register, FIELDS, VALIDATORS);

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
        <FormError {...form.banner} />
        <TextField
          label={FIELDS.displayName.label}
          name="displayName"
          autoComplete="name"
          required
          maxLength={100}
          error={form.errorOf('displayName')}
        />
        <TextField
          label={FIELDS.email.label}
          name="email"
          type="email"
          autoComplete="email"
          required
          error={form.errorOf('email')}
        />
        <TextField
          label={FIELDS.password.label}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          hint="At least 8 characters."
          error={form.errorOf('password')}
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
