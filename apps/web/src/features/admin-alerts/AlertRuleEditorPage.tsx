import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../ui';
import { useAlertRule } from './api/alert-queries';
import { RuleForm } from './components/RuleForm';
import { RuleLoadState } from './components/RuleLoadState';
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
  if (rule.error || !rule.data) return <RuleLoadState title="Edit alert rule" rule={rule} />;
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
