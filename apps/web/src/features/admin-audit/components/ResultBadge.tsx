import type { AuditResult, AuditSeverity } from '../api/types';
import { RESULT_LABELS } from '../model/audit-rows';

const RESULT_TONE: Record<AuditResult, string> = {
  success: 'success',
  failure: 'danger',
  warning: 'warning',
};
/** A mark beside the word, so the result reads without colour too. */
const RESULT_MARK: Record<AuditResult, string> = { success: '✓', failure: '✕', warning: '!' };

export function ResultBadge({ result }: { result: AuditResult }) {
  return (
    <span className={`badge badge--${RESULT_TONE[result]} audit-result`}>
      <span aria-hidden="true">{RESULT_MARK[result]}</span> {RESULT_LABELS[result]}
    </span>
  );
}

const SEVERITY_TONE: Record<AuditSeverity, string> = {
  INFO: 'muted',
  WARNING: 'warning',
  ERROR: 'danger',
  CRITICAL: 'danger',
};

export function SeverityBadge({ severity }: { severity: AuditSeverity }) {
  return <span className={`badge badge--${SEVERITY_TONE[severity]}`}>{severity}</span>;
}
