import { auditApiFiltersOf, auditFilterValuesOf, pageOf, userErrorOf } from './audit-filters';
import { rowOfEvent, rowOfLog } from './audit-rows';
import { eventFilterValuesOf, eventsExportFiltersOf, eventsQueryOf } from './event-filters';
import { anAuditEvent, anAuditLog } from '../test/audit-factories';

describe('auditApiFiltersOf', () => {
  it('sends what the API accepts and leaves out what it would refuse', () => {
    const values = auditFilterValuesOf(
      new URLSearchParams(
        'from=2026-11-01T00:00:00.000Z&to=yesterday&user=ada&action=+auth.login+' +
          '&result=failure&severity=LOUD&q=203.0&resourceType=transaction',
      ),
    );
    expect(auditApiFiltersOf(values)).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      action: 'auth.login',
      result: 'failure',
      q: '203.0',
      resourceType: 'transaction',
    });
    expect(userErrorOf(values)).toMatch(/user ID/);
  });

  it('sends a full user ID', () => {
    const id = '11111111-1111-4111-8111-111111111111';
    const values = auditFilterValuesOf(new URLSearchParams(`user=${id}`));
    expect(auditApiFiltersOf(values)).toEqual({ userId: id });
    expect(userErrorOf(values)).toBeUndefined();
  });

  it('reads the page, 1 for anything else', () => {
    expect(pageOf(new URLSearchParams('page=3'))).toBe(3);
    for (const page of ['0', '-2', '1.5', 'x', '']) {
      expect(pageOf(new URLSearchParams(`page=${page}`))).toBe(1);
    }
  });
});

describe('events filters', () => {
  it('leaves the range to the API when the URL has none, and pages by offset', () => {
    const values = eventFilterValuesOf(new URLSearchParams('source=frontend&result=oops&page=3'));
    expect(eventsQueryOf(values, 3, 50)).toEqual({ limit: 50, offset: 100, source: 'frontend' });
  });

  it('exports the same events through the action log, the open range fixed to 7 days', () => {
    const values = eventFilterValuesOf(
      new URLSearchParams('operation=auth.login&result=failure&source=api-service'),
    );
    expect(eventsExportFiltersOf(values, new Date('2026-11-21T10:00:00.000Z'))).toEqual({
      from: '2026-11-14T10:00:00.000Z',
      to: '2026-11-21T10:00:00.000Z',
      action: 'auth.login',
      result: 'failure',
      source: 'api-service',
    });
  });
});

describe('table rows', () => {
  it('names the actor by email, else ID, else the system, and the resource with its ID', () => {
    const row = rowOfLog(anAuditLog({ actorEmail: null, resourceId: null }));
    expect(row.actor).toBe('11111111-1111-4111-8111-111111111111');
    expect(row.resource).toBe('transaction');
    expect(rowOfLog(anAuditLog({ actorEmail: null, actorId: null })).actor).toBe('System');
  });

  it('reads the Events contract into the same row', () => {
    const event = anAuditEvent({ operator: null, result: 'warning' });
    expect(rowOfEvent(event)).toMatchObject({
      id: event.id,
      occurredAt: event.timestamp,
      action: 'exception_group.resolve',
      result: 'warning',
      actor: 'System',
      source: 'api-service',
    });
  });
});
