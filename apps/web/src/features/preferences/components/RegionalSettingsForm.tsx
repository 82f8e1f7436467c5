import { FORMAT_LOCALES, type FormatLocale, WEEKDAYS, type Weekday } from '@ledgerlens/contracts';
import { type FormEvent, useId, useRef, useState } from 'react';
import type { UserPreferences } from '../../../entities/preferences';
import type { FormFields } from '../../../lib/field-errors';
import { currencyCode, firstProblems, present } from '../../../lib/validators';
import { FormError, SelectField, TextField, useFormErrors } from '../../../ui';
import { toast } from '../../toasts';
import { useUpdatePreferences } from '../api/update-preferences';

type RegionalField =
  'defaultCurrency' | 'timeZone' | 'firstDayOfWeek' | 'numberFormat' | 'dateFormat';

const FIELDS: FormFields<RegionalField> = {
  defaultCurrency: { label: 'Default currency' },
  timeZone: { label: 'Time zone' },
  firstDayOfWeek: { label: 'First day of the week' },
  numberFormat: { label: 'Number format' },
  dateFormat: { label: 'Date format' },
};

const VALIDATORS = {
  defaultCurrency: [currencyCode],
  timeZone: [present('Enter a time zone like Europe/Berlin')],
};

const WEEKDAY_NAMES: Record<Weekday, string> = {
  1: 'Monday',
  2: 'Tuesday',
  3: 'Wednesday',
  4: 'Thursday',
  5: 'Friday',
  6: 'Saturday',
  7: 'Sunday',
};

/** Every IANA time zone the browser knows, UTC first (Intl leaves it out of its list). */
const TIME_ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];

/** The amount and the moment the examples show. */
const EXAMPLE_AMOUNT = 1234567.89;
const EXAMPLE_MOMENT = new Date('2026-11-21T14:05:00Z');

/** A locale's name in English, beside its tag: "German (Germany) · de-DE". */
const localeName = (locale: FormatLocale) =>
  `${new Intl.DisplayNames('en', { type: 'language' }).of(locale) ?? locale} · ${locale}`;

/** How money will look in `locale`; in `currency` once it is a three-letter code. */
function numberExample(locale: FormatLocale, currency: string): string {
  const code = currency.trim().toUpperCase();
  const options: Intl.NumberFormatOptions = /^[A-Z]{3}$/.test(code)
    ? { style: 'currency', currency: code }
    : { minimumFractionDigits: 2 };
  return `Example: ${new Intl.NumberFormat(locale, options).format(EXAMPLE_AMOUNT)}`;
}

/** How a moment will look in `locale`, in `timeZone` while it is one Intl knows. */
function dateExample(locale: FormatLocale, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return `Example: ${new Intl.DateTimeFormat(locale, { ...options, timeZone: timeZone.trim() }).format(EXAMPLE_MOMENT)}`;
  } catch {
    return `Example: ${new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(EXAMPLE_MOMENT)} (UTC)`;
  }
}

/**
 * The user's currency, time zone, week and formats, saved together. Currency and time zone are
 * checked before sending; what the API refuses shows beside its field, focus on the first.
 */
export function RegionalSettingsForm({ stored }: { stored: UserPreferences }) {
  const [defaultCurrency, setDefaultCurrency] = useState(stored.defaultCurrency);
  const [timeZone, setTimeZone] = useState(stored.timeZone);
  const [firstDayOfWeek, setFirstDayOfWeek] = useState<Weekday>(stored.firstDayOfWeek);
  const [numberFormat, setNumberFormat] = useState<FormatLocale>(stored.numberFormat);
  const [dateFormat, setDateFormat] = useState<FormatLocale>(stored.dateFormat);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useFormErrors(FIELDS, formRef);
  const update = useUpdatePreferences();
  const timeZonesId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const typed = { defaultCurrency, timeZone };
    if (!form.accepts(firstProblems(typed, VALIDATORS))) return;
    update.mutate(
      {
        defaultCurrency: defaultCurrency.trim().toUpperCase(),
        timeZone: timeZone.trim(),
        firstDayOfWeek,
        numberFormat,
        dateFormat,
      },
      { onSuccess: () => toast.success('Regional settings saved'), onError: form.refuse },
    );
  }

  const localeOptions = FORMAT_LOCALES.map((locale) => (
    <option key={locale} value={locale}>
      {localeName(locale)}
    </option>
  ));

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <FormError {...form.banner} />
      <TextField
        label={FIELDS.defaultCurrency.label}
        value={defaultCurrency}
        required
        maxLength={3}
        autoComplete="off"
        hint="The currency you mostly use, e.g. EUR or USD."
        error={form.errorOf('defaultCurrency')}
        onChange={(event) => setDefaultCurrency(event.target.value)}
      />
      <TextField
        label={FIELDS.timeZone.label}
        value={timeZone}
        required
        list={timeZonesId}
        autoComplete="off"
        hint="Budget periods and “this month” follow it, e.g. Europe/Berlin."
        error={form.errorOf('timeZone')}
        onChange={(event) => setTimeZone(event.target.value)}
      />
      <datalist id={timeZonesId}>
        {TIME_ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <SelectField
        label={FIELDS.firstDayOfWeek.label}
        value={firstDayOfWeek}
        hint="Weekly budgets start on it."
        error={form.errorOf('firstDayOfWeek')}
        onChange={(event) => setFirstDayOfWeek(Number(event.target.value) as Weekday)}
      >
        {WEEKDAYS.map((day) => (
          <option key={day} value={day}>
            {WEEKDAY_NAMES[day]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={FIELDS.numberFormat.label}
        value={numberFormat}
        hint={numberExample(numberFormat, defaultCurrency)}
        error={form.errorOf('numberFormat')}
        onChange={(event) => setNumberFormat(event.target.value as FormatLocale)}
      >
        {localeOptions}
      </SelectField>
      <SelectField
        label={FIELDS.dateFormat.label}
        value={dateFormat}
        hint={dateExample(dateFormat, timeZone)}
        error={form.errorOf('dateFormat')}
        onChange={(event) => setDateFormat(event.target.value as FormatLocale)}
      >
        {localeOptions}
      </SelectField>
      <div className="form-actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save regional settings'}
        </button>
      </div>
    </form>
  );
}
