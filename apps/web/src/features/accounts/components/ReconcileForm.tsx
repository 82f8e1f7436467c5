import { type FormEvent, useRef, useState } from 'react';
import type { Account } from '../../../entities/accounts';
import {
  FormActions,
  FormError,
  formatDay,
  formatMoney,
  formatSignedMoney,
  TextField,
  useFormErrors,
} from '../../../ui';
import { type Reconciliation, useReconcileAccount } from '../api/reconcile-account';
import { RECONCILE_FIELDS, type ReconcileFormValues, toStatementBody } from '../reconcile-form';

/**
 * Compares a statement with the account's ledger on the statement's date. When they agree, the
 * account is reconciled; when they differ, the difference shows with a button to book it as an
 * adjustment (neither income nor spending), which reconciles the account.
 */
export function ReconcileForm({
  account,
  today,
  onDone,
}: {
  account: Account;
  today: string;
  onDone: () => void;
}) {
  const [values, setValues] = useState<ReconcileFormValues>({
    statementBalance: '',
    statementDate: today,
  });
  const [result, setResult] = useState<Reconciliation | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useFormErrors(RECONCILE_FIELDS, formRef);
  const reconcile = useReconcileAccount();
  const set = (field: keyof ReconcileFormValues) => (event: { target: { value: string } }) => {
    setResult(null);
    setValues((current) => ({ ...current, [field]: event.target.value }));
  };

  function send(bookAdjustment: boolean) {
    const checked = toStatementBody(values);
    form.accepts(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    reconcile.mutate(
      { id: account.id, body: { ...checked.body, bookAdjustment } },
      { onSuccess: setResult, onError: form.refuse },
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(false);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <FormError {...form.banner} />
      <TextField
        label={RECONCILE_FIELDS.statementBalance.label}
        value={values.statementBalance}
        inputMode="decimal"
        autoComplete="off"
        hint={`The closing balance your statement shows, in ${account.currency}.`}
        error={form.errorOf('statementBalance')}
        onChange={set('statementBalance')}
      />
      <TextField
        label={RECONCILE_FIELDS.statementDate.label}
        type="date"
        value={values.statementDate}
        error={form.errorOf('statementDate')}
        onChange={set('statementDate')}
      />
      {result && <ReconcileResult result={result} currency={account.currency} />}
      {result && !result.reconciled && (
        <p>
          <button
            type="button"
            className="button"
            disabled={reconcile.isPending}
            onClick={() => send(true)}
          >
            Book adjustment of {formatSignedMoney(result.differenceCents, account.currency)}
          </button>
        </p>
      )}
      {result?.reconciled ? (
        <div className="form-actions">
          <button type="button" className="button" onClick={onDone}>
            Done
          </button>
        </div>
      ) : (
        <FormActions
          submitLabel="Compare"
          pendingLabel="Comparing…"
          pending={reconcile.isPending}
          onCancel={onDone}
        />
      )}
    </form>
  );
}

/** The ledger's balance beside the statement's, and what came of it. */
function ReconcileResult({ result, currency }: { result: Reconciliation; currency: string }) {
  return (
    <div role="status" className="reconcile-result">
      <dl>
        <dt>Ledger balance at the end of {formatDay(result.statementDate)}</dt>
        <dd>{formatMoney(result.balanceCents, currency)}</dd>
        <dt>Difference (statement − ledger)</dt>
        <dd>{formatSignedMoney(result.differenceCents, currency)}</dd>
      </dl>
      {result.reconciled && (
        <p>
          <strong>Reconciled on {formatDay(result.statementDate)}</strong>
          {result.adjustment && ', with an adjustment booked for the difference'}.
        </p>
      )}
    </div>
  );
}
