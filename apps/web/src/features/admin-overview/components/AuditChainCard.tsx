import { LocalTime } from '../../../ui';
import { useChainVerification } from '../../admin-audit';
import { formatCount } from '../../admin-performance';
import { OverviewCard } from './OverviewCard';
import { QueryContent } from './QueryContent';

/**
 * Whether the row history's hash chain is intact. The API verifies when asked and does not keep
 * the result, so "verified" is when this browser last asked (shared with the Audit Logs page).
 */
export function AuditChainCard() {
  const check = useChainVerification();
  return (
    <OverviewCard
      id="overview-audit-chain"
      title="Audit chain"
      more={{ to: '/admin/audit', label: 'Open audit logs' }}
    >
      <QueryContent
        query={check}
        loading="Verifying the audit chain"
        failed="The audit chain could not be verified"
      >
        {(result) => (
          <>
            {result.ok ? (
              <p>
                <span className="badge badge--success">✓ Intact</span> {formatCount(result.checked)}{' '}
                changes recomputed, every hash matches.
              </p>
            ) : (
              <p>
                <span className="badge badge--danger">✕ Broken</span> at change #
                {result.firstBrokenId} after {formatCount(result.checked)} good changes.{' '}
                {result.reason}
              </p>
            )}
            <p className="text-muted">
              Verified <LocalTime iso={new Date(check.dataUpdatedAt).toISOString()} />
            </p>
          </>
        )}
      </QueryContent>
    </OverviewCard>
  );
}
