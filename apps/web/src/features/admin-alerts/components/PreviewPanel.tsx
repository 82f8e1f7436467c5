import { ApiError } from '../../../lib/api-error';
import { refusalOf } from '../../../lib/field-errors';
import { ErrorMessage, LocalTime, Skeleton } from '../../../ui';
import { CHART_HOURS, useDraftPreview } from '../api/alert-queries';
import { useSettledValue } from '../hooks/use-settled-value';
import { RULE_FIELDS, type RuleFormValues, ruleInputOf } from '../rule-form';
import { conditionText, formatValue, worstValue, isBreaching } from '../rule-text';
import { valueRows } from '../value-series';
import { InstancesTable } from './InstancesTable';
import { StateBadge } from './StateBadge';
import { ValueChart } from './ValueChart';

/** Typing pauses this long before the preview asks the API again. */
const PREVIEW_DELAY_MS = 400;

/** A draft still without a name is previewed under this one (a preview stores nothing). */
const UNNAMED = 'Unnamed rule';

/** What the API refused, field by field, worded after the form's fields. */
function Refusal({ error }: { error: ApiError }) {
  const refusal = refusalOf(error, RULE_FIELDS);
  const messages = [...Object.values(refusal.fields), ...refusal.others] as string[];
  return (
    <div className="alert-preview__refusal">
      <p>The rule cannot be previewed as written:</p>
      <ul>
        {(messages.length > 0 ? messages : [error.message]).map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}

function breachSummary(breaching: number, total: number): string {
  if (total === 0) return 'No instance has data in the window yet.';
  if (breaching === 0) return 'Nothing would fire now.';
  if (total === 1) return 'The condition holds: the rule would fire.';
  return `${breaching} of ${total} instances meet the condition and would fire.`;
}

/**
 * The rule as the form stands, evaluated now by the API (nothing is stored or sent): the state,
 * the value against the threshold, and which instances would fire.
 */
export function PreviewPanel({ values }: { values: RuleFormValues }) {
  const checked = ruleInputOf(values);
  const draft = checked.ok ? { ...checked.input, name: checked.input.name || UNNAMED } : null;
  const input = useSettledValue(draft, PREVIEW_DELAY_MS);
  const preview = useDraftPreview(input);

  let content;
  if (!checked.ok) {
    content = (
      <div className="alert-preview__refusal">
        <p>The preview needs:</p>
        <ul>
          {Object.values(checked.errors).map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      </div>
    );
  } else if (preview.error) {
    content =
      preview.error instanceof ApiError && preview.error.status === 400 ? (
        <Refusal error={preview.error} />
      ) : (
        <div role="alert" className="alert-preview__refusal">
          <p>
            The preview failed: <ErrorMessage error={preview.error} />
          </p>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => void preview.refetch()}
          >
            Try again
          </button>
        </div>
      );
  } else if (!preview.data || !input) {
    content = <Skeleton label="Evaluating the rule" rows={3} />;
  } else {
    const { state, instances, error, evaluatedAt, series } = preview.data;
    const value = worstValue(input.operator, instances);
    const breaching = instances.filter((instance) => isBreaching(instance.state)).length;
    const ordered = [...instances].sort(
      (a, b) => Number(isBreaching(b.state)) - Number(isBreaching(a.state)),
    );
    content = (
      <>
        <dl className="alert-facts">
          <div>
            <dt>State now</dt>
            <dd>
              <StateBadge state={state} />
            </dd>
          </div>
          <div>
            <dt>Current value</dt>
            <dd>
              {formatValue(input.metricType, value)}{' '}
              <span className="text-muted">(fires when {conditionText(input)})</span>
            </dd>
          </div>
          <div>
            <dt>Evaluated</dt>
            <dd>
              <LocalTime iso={evaluatedAt} />
            </dd>
          </div>
        </dl>
        {error && <p className="alert-rules-table__error">The query failed: {error}</p>}
        <ValueChart
          title={`Measured over the last ${CHART_HOURS} hours`}
          rows={valueRows(input.metricType, series)}
          metric={input.metricType}
          threshold={input.threshold}
          condition={conditionText(input)}
        />
        <p>{breachSummary(breaching, instances.length)}</p>
        {instances.length > 0 && (
          <InstancesTable
            instances={ordered}
            metric={input.metricType}
            caption="Instances in the preview"
          />
        )}
      </>
    );
  }
  return (
    <section
      aria-labelledby="alert-preview-title"
      className="card alert-preview"
      aria-busy={preview.isFetching || undefined}
    >
      <h2 id="alert-preview-title" className="card__title">
        Preview
      </h2>
      <p className="text-muted">Evaluated now as the form stands; nothing is saved or sent.</p>
      <div aria-live="polite">{content}</div>
    </section>
  );
}
