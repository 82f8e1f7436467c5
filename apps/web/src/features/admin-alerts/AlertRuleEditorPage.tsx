import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../lib/api-error';
import { EmptyState, ErrorState, PageHeader, Skeleton } from '../../ui';
import { useAlertRule } from './api/alert-queries';
import { RuleForm } from './components/RuleForm';
import './admin-alerts.css';

function NewRule() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title="New alert rule" />
      <RuleForm
        rule={null}
        onSaved={(saved) => void navigate(`/admin/alerts/${saved.id}`)}
        onCancel={() => void navigate('/admin/alerts')}
      />
    </>
  );
}

function EditRule({ id }: { id: string }) {
  const navigate = useNavigate();
  const rule = useAlertRule(id);
  if (rule.error) {
    const missing = rule.error instanceof ApiError && rule.error.status === 404;
    return (
      <>
        <PageHeader title="Edit alert rule" />
        {missing ? (
          <EmptyState title="This alert rule does not exist">
            <Link to="/admin/alerts">Back to all alert rules</Link>
          </EmptyState>
        ) : (
          <ErrorState
            title="The alert rule could not be loaded"
            error={rule.error}
            onRetry={() => void rule.refetch()}
          />
        )}
      </>
    );
  }
  if (!rule.data) {
    return (
      <>
        <PageHeader title="Edit alert rule" />
        <Skeleton label="Loading the alert rule" rows={6} />
      </>
    );
  }
  const back = () => void navigate(`/admin/alerts/${id}`);
  return (
    <>
      <PageHeader title={`Edit ${rule.data.name}`} />
      {/* Keyed by the rule, so a refetch after saving never overwrites what is being typed. */}
      <RuleForm key={id} rule={rule.data} onSaved={back} onCancel={back} />
    </>
  );
}

/** `/admin/alerts/new` and `/admin/alerts/:id/edit`: one form for both, with a live preview. */
export function AlertRuleEditorPage() {
  const { id } = useParams();
  return (
    <section className="alerts-page">
      <p className="alert-back">
        <Link to="/admin/alerts">← All alert rules</Link>
      </p>
      {id ? <EditRule id={id} /> : <NewRule />}
    </section>
  );
}
