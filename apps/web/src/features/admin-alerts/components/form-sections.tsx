import {
  ALERT_SEVERITIES,
  CONDITION_OPERATORS,
  type ConditionOperator,
  HTTP_METHODS_FOR_ALERTS,
  LOG_LEVELS,
  type AlertGroupBy,
  type AlertMetric,
  type AlertSeverity,
  type NoDataState,
} from '@ledgerlens/contracts';
import { SelectField, TextAreaField, TextField } from '../../../ui';
import { type FilterName, METRIC_KINDS, METRIC_OPTIONS, type MetricUnit } from '../metric-kinds';
import { type DurationField as DurationName, type RuleFormValues, withMetric } from '../rule-form';
import { ContactPointChoices } from './ContactPointChoices';
import { DurationField } from './DurationField';
import { KeyValueRows } from './KeyValueRows';

/** What every section of the rule form gets: the values, a way to change them, their messages. */
export interface SectionProps {
  values: RuleFormValues;
  onChange: (change: (values: RuleFormValues) => RuleFormValues) => void;
  /** The message for an API field (`windowSeconds`, `filters.route`), the form's or the API's. */
  errorOf: (field: string) => string | undefined;
}

const SEVERITY_HINTS: Record<AlertSeverity, string> = {
  critical: 'Critical: users are affected now; someone must act now.',
  warning: 'Warning: something degrades; act during working hours.',
  info: 'Info: worth knowing; no action expected.',
};

const OPERATOR_WORDS: Record<ConditionOperator, string> = {
  '>': '> above',
  '>=': '≥ at or above',
  '<': '< below',
  '<=': '≤ at or below',
  '==': '= equal to',
  '!=': '≠ not equal to',
};

const UNIT_LABELS: Record<MetricUnit, string> = {
  ms: 'ms',
  share: '% of requests',
  per_second: 'requests per second',
  count: 'count',
};

const GROUP_LABELS: Record<AlertGroupBy, string> = {
  route: 'Each route and method',
  module: 'Each logger module',
  source: 'Each source (API, browsers)',
};

const NO_DATA_LABELS: Record<NoDataState, string> = {
  normal: 'Treat it as normal',
  alerting: 'Treat it as the condition holding (alert)',
  nodata: 'Show it as no data (recorded, not notified)',
};

export function RuleSection({ values, onChange, errorOf }: SectionProps) {
  return (
    <fieldset className="card form-fieldset alert-form__section">
      <legend className="card__title">Rule</legend>
      <TextField
        label="Name"
        required
        maxLength={120}
        value={values.name}
        hint="Unique among rules; receivers see it as the alertname."
        error={errorOf('name')}
        onChange={(event) => onChange((current) => ({ ...current, name: event.target.value }))}
      />
      <TextAreaField
        label="Description (optional)"
        rows={2}
        maxLength={2000}
        value={values.description}
        error={errorOf('description')}
        onChange={(event) =>
          onChange((current) => ({ ...current, description: event.target.value }))
        }
      />
      <SelectField
        label="Severity"
        value={values.severity}
        hint={SEVERITY_HINTS[values.severity]}
        error={errorOf('severity')}
        onChange={(event) =>
          onChange((current) => ({ ...current, severity: event.target.value as AlertSeverity }))
        }
      >
        {ALERT_SEVERITIES.map((severity) => (
          <option key={severity} value={severity}>
            {severity.charAt(0).toUpperCase() + severity.slice(1)}
          </option>
        ))}
      </SelectField>
      <label className="alert-toggle">
        <input
          type="checkbox"
          checked={values.enabled}
          onChange={(event) =>
            onChange((current) => ({ ...current, enabled: event.target.checked }))
          }
        />
        <span>Enabled: evaluate this rule on its schedule</span>
      </label>
    </fieldset>
  );
}

const anyOption = <option value="">Any</option>;

/** One filter's control; only the filters the chosen metric can honour are shown. */
function FilterField({ name, values, onChange, errorOf }: SectionProps & { name: FilterName }) {
  const common = {
    value: values.filters[name],
    error: errorOf(`filters.${name}`),
    onChange: (event: { target: { value: string } }) =>
      onChange((current) => ({
        ...current,
        filters: { ...current.filters, [name]: event.target.value },
      })),
  };
  switch (name) {
    case 'route':
      return (
        <TextField
          label="Route"
          placeholder="/api/v1/transactions/:id"
          maxLength={512}
          hint="A route template as the API declares it; empty for every route."
          {...common}
        />
      );
    case 'method':
      return (
        <SelectField label="Method" {...common}>
          {anyOption}
          {HTTP_METHODS_FOR_ALERTS.map((method) => (
            <option key={method}>{method}</option>
          ))}
        </SelectField>
      );
    case 'source':
      return (
        <SelectField label="Source" {...common}>
          {anyOption}
          <option value="backend">API (backend)</option>
          <option value="frontend">Browsers (frontend)</option>
        </SelectField>
      );
    case 'level': {
      const exceptions = values.metricType === 'exception_count';
      return (
        <SelectField
          label={exceptions ? 'Level' : 'Lowest level'}
          hint={
            exceptions
              ? 'Error counts every exception; fatal only fatal ones.'
              : 'Counts this level and every graver one.'
          }
          {...common}
        >
          {anyOption}
          {(exceptions ? (['error', 'fatal'] as const) : LOG_LEVELS).map((level) => (
            <option key={level}>{level}</option>
          ))}
        </SelectField>
      );
    }
    case 'module':
      return (
        <TextField
          label="Module"
          placeholder="TransactionsService"
          maxLength={128}
          hint="The logger’s module name, exactly."
          {...common}
        />
      );
    case 'text':
      return (
        <TextField label="Message contains" maxLength={200} hint="Ignoring case." {...common} />
      );
  }
}

export function MeasureSection(props: SectionProps) {
  const { values, onChange, errorOf } = props;
  const kind = METRIC_KINDS[values.metricType];
  return (
    <fieldset className="card form-fieldset alert-form__section">
      <legend className="card__title">What to measure</legend>
      <SelectField
        label="Metric"
        value={values.metricType}
        error={errorOf('metricType')}
        onChange={(event) =>
          onChange((current) => withMetric(current, event.target.value as AlertMetric))
        }
      >
        {METRIC_OPTIONS.map(({ metric, label }) => (
          <option key={metric} value={metric}>
            {label}
          </option>
        ))}
      </SelectField>
      <div className="alert-form__grid">
        {kind.filters.map((name) => (
          <FilterField key={name} name={name} {...props} />
        ))}
      </div>
      <SelectField
        label="Alert separately for"
        value={values.groupBy}
        hint="One instance per value, each firing and resolving on its own."
        error={errorOf('groupBy')}
        onChange={(event) =>
          onChange((current) => ({
            ...current,
            groupBy: event.target.value as RuleFormValues['groupBy'],
          }))
        }
      >
        <option value="">The whole rule (one alert)</option>
        {kind.groupBy.map((groupBy) => (
          <option key={groupBy} value={groupBy}>
            {GROUP_LABELS[groupBy]}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}

function Duration({
  name,
  label,
  hint,
  apiField,
  values,
  onChange,
  errorOf,
}: SectionProps & { name: DurationName; label: string; hint?: string; apiField: string }) {
  return (
    <DurationField
      label={label}
      hint={hint}
      value={values[name]}
      error={errorOf(apiField)}
      onChange={(duration) => onChange((current) => ({ ...current, [name]: duration }))}
    />
  );
}

export function ConditionSection(props: SectionProps) {
  const { values, onChange, errorOf } = props;
  const unit = METRIC_KINDS[values.metricType].unit;
  const canLackData = unit === 'ms' || unit === 'share';
  return (
    <fieldset className="card form-fieldset alert-form__section">
      <legend className="card__title">Condition and timing</legend>
      <div className="alert-form__grid">
        <SelectField
          label="Fires when the value is"
          value={values.operator}
          error={errorOf('operator')}
          onChange={(event) =>
            onChange((current) => ({
              ...current,
              operator: event.target.value as ConditionOperator,
            }))
          }
        >
          {CONDITION_OPERATORS.map((operator) => (
            <option key={operator} value={operator}>
              {OPERATOR_WORDS[operator]}
            </option>
          ))}
        </SelectField>
        <TextField
          label={`Threshold (${UNIT_LABELS[unit]})`}
          type="number"
          step="any"
          inputMode="decimal"
          min={unit === 'share' ? 0 : undefined}
          max={unit === 'share' ? 100 : undefined}
          value={values.threshold}
          error={errorOf('threshold')}
          onChange={(event) =>
            onChange((current) => ({ ...current, threshold: event.target.value }))
          }
        />
      </div>
      <div className="alert-form__grid">
        <Duration
          {...props}
          name="window"
          apiField="windowSeconds"
          label="Measured over the last"
          hint="At least the evaluation interval."
        />
        <Duration {...props} name="interval" apiField="intervalSeconds" label="Evaluate every" />
        <Duration
          {...props}
          name="pending"
          apiField="pendingSeconds"
          label="Pending period"
          hint="How long the condition must hold before it fires."
        />
        <Duration
          {...props}
          name="keepFiring"
          apiField="keepFiringSeconds"
          label="Keep firing for"
          hint="After the condition stops holding, so a dip does not resolve it."
        />
      </div>
      <SelectField
        label="When there is no data"
        value={values.noDataState}
        hint={
          canLackData && !values.groupBy
            ? 'A window without requests has no latency or error rate.'
            : 'This rule always has a value (counts are 0 without data), so this does not apply.'
        }
        error={errorOf('noDataState')}
        onChange={(event) =>
          onChange((current) => ({ ...current, noDataState: event.target.value as NoDataState }))
        }
      >
        {(Object.keys(NO_DATA_LABELS) as NoDataState[]).map((state) => (
          <option key={state} value={state}>
            {NO_DATA_LABELS[state]}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}

export function TextsSection({ values, onChange, errorOf }: SectionProps) {
  return (
    <fieldset className="card form-fieldset alert-form__section">
      <legend className="card__title">Labels and annotations</legend>
      <KeyValueRows
        legend="Labels"
        noun="label"
        rows={values.labels}
        hint="Added to every alert, for routing and silences: names of letters, digits and _."
        error={errorOf('labels')}
        onChange={(labels) => onChange((current) => ({ ...current, labels }))}
      />
      <KeyValueRows
        legend="Annotations"
        noun="annotation"
        multiline
        rows={values.annotations}
        hint="Text for people: summary, runbook_url and anything else."
        error={errorOf('annotations')}
        onChange={(annotations) => onChange((current) => ({ ...current, annotations }))}
      />
    </fieldset>
  );
}

export function NotificationSection(props: SectionProps) {
  const { values, onChange, errorOf } = props;
  return (
    <fieldset className="card form-fieldset alert-form__section">
      <legend className="card__title">Notifications</legend>
      <ContactPointChoices
        selected={values.contactPointIds}
        error={errorOf('notification.contactPointIds')}
        onChange={(contactPointIds) => onChange((current) => ({ ...current, contactPointIds }))}
      />
      <div className="alert-form__grid">
        <Duration
          {...props}
          name="groupWait"
          apiField="notification.groupWaitSeconds"
          label="Group wait"
          hint="Before the first notification, so alerts firing together arrive together."
        />
        <Duration
          {...props}
          name="groupInterval"
          apiField="notification.groupIntervalSeconds"
          label="Group interval"
          hint="How often changes are sent after that."
        />
        <Duration
          {...props}
          name="repeatInterval"
          apiField="notification.repeatIntervalSeconds"
          label="Repeat interval"
          hint="Before an unchanged firing alert is sent again."
        />
      </div>
      <label className="alert-toggle">
        <input
          type="checkbox"
          checked={values.sendResolved}
          onChange={(event) =>
            onChange((current) => ({ ...current, sendResolved: event.target.checked }))
          }
        />
        <span>Tell the contact points when alerts resolve</span>
      </label>
    </fieldset>
  );
}
