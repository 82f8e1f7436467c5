import { type FormEvent, useState } from 'react';
import {
  apiFieldError,
  FormActions,
  FormError,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../ui';
import {
  type ContactPoint,
  type ContactPointType,
  type SavedContactPoint,
  useSaveContactPoint,
} from '../api/contact-point-queries';
import {
  type ContactPointFormValues,
  contactPointBody,
  contactPointValues,
  fieldMessage,
  NEW_CONTACT_POINT,
  newWebhookSecret,
  SETTING_OF,
} from '../contact-point-form';
import { TYPE_LABELS } from '../contact-point-text';

const TYPE_HINTS: Record<ContactPointType, string> = {
  email: 'One email to every address, sent through the server’s mail settings.',
  webhook: 'A signed POST in Alertmanager’s webhook format.',
  sms: 'One text message per number, sent through the server’s Twilio account (its credentials are server settings).',
};

/** The webhook's signing secret: write-only, so the form says whether one is set, never what. */
function SecretField({
  editing,
  value,
  error,
  onChange,
}: {
  editing?: ContactPoint;
  value: string;
  error?: string;
  onChange: (secret: string) => void;
}) {
  const [visible, setVisible] = useState(false);
  const stored = editing?.type === 'webhook' && editing.hasSecret;
  return (
    <div className="contact-point-secret">
      <p className="contact-point-secret__status">
        Signing secret:{' '}
        <span className={`badge ${stored ? 'badge--success' : 'badge--muted'}`}>
          {stored ? 'Set' : 'Not set'}
        </span>
      </p>
      <TextField
        label={stored ? 'New signing secret' : 'Signing secret'}
        type={visible ? 'text' : 'password'}
        autoComplete="off"
        spellCheck={false}
        value={value}
        error={error}
        hint={
          stored
            ? 'Leave empty to keep the current secret; enter or generate a new one to replace it.'
            : 'Leave empty to have one generated (shown once, after saving), or paste the receiver’s whsec_… secret.'
        }
        onChange={(event) => onChange(event.target.value)}
      />
      <div className="contact-point-secret__actions">
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            onChange(newWebhookSecret());
            setVisible(true);
          }}
        >
          Generate a new secret
        </button>
        <button
          type="button"
          className="button button--ghost"
          aria-pressed={visible}
          onClick={() => setVisible((shown) => !shown)}
        >
          Show the secret
        </button>
      </div>
    </div>
  );
}

/** Creates a contact point, or replaces `editing`; the fields follow the chosen type. */
export function ContactPointForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing?: ContactPoint;
  onSaved: (saved: SavedContactPoint) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<ContactPointFormValues>(() =>
    editing ? contactPointValues(editing) : NEW_CONTACT_POINT,
  );
  const save = useSaveContactPoint();
  const errorOf = (field: string) => fieldMessage(save.error, field);
  const set = (field: keyof ContactPointFormValues) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const settingError =
    errorOf(`settings.${SETTING_OF[values.type]}`) ??
    apiFieldError(save.error, 'settings', 'Settings');

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ id: editing?.id, body: contactPointBody(values) }, { onSuccess: onSaved });
  }

  return (
    <form onSubmit={submit} noValidate className="contact-point-form">
      <FormError error={save.error} />
      {editing?.disabled && (
        <p className="contact-point-form__note">
          Deliveries to it stopped
          {editing.disabledReason ? ` (${editing.disabledReason})` : ''}. Saving enables it again.
        </p>
      )}
      <TextField
        label="Name"
        value={values.name}
        maxLength={120}
        autoComplete="off"
        hint="Shown in rules and in notifications, e.g. On-call team."
        error={errorOf('name')}
        onChange={(event) => set('name')(event.target.value)}
      />
      <SelectField
        label="Type"
        value={values.type}
        hint={TYPE_HINTS[values.type]}
        error={errorOf('type')}
        onChange={(event) => {
          // The API's messages were about the other type's fields.
          save.reset();
          set('type')(event.target.value);
        }}
      >
        {(Object.keys(TYPE_LABELS) as ContactPointType[]).map((type) => (
          <option key={type} value={type}>
            {TYPE_LABELS[type]}
          </option>
        ))}
      </SelectField>
      {values.type === 'email' && (
        <TextAreaField
          label="Email addresses"
          rows={3}
          value={values.addresses}
          hint="One a line, up to 20, e.g. oncall@example.com."
          error={settingError}
          onChange={(event) => set('addresses')(event.target.value)}
        />
      )}
      {values.type === 'sms' && (
        <TextAreaField
          label="Phone numbers"
          rows={3}
          value={values.numbers}
          hint="One a line, up to 10, in E.164: a plus, the country code and the number without spaces, e.g. +4915112345678."
          error={settingError}
          onChange={(event) => set('numbers')(event.target.value)}
        />
      )}
      {values.type === 'webhook' && (
        <>
          <TextField
            label="URL"
            type="url"
            inputMode="url"
            autoComplete="off"
            value={values.url}
            hint="http:// or https://, without a user name or password, e.g. https://example.com/hooks/alerts."
            error={settingError}
            onChange={(event) => set('url')(event.target.value)}
          />
          <SecretField
            editing={editing}
            value={values.secret}
            error={errorOf('secret')}
            onChange={set('secret')}
          />
        </>
      )}
      <FormActions
        submitLabel={editing ? 'Save contact point' : 'Create contact point'}
        pendingLabel="Saving…"
        pending={save.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
