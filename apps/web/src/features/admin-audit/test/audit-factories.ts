import type {
  AuditChange,
  AuditChangePage,
  AuditEvent,
  AuditEventList,
  AuditLog,
  AuditLogPage,
} from '../api/types';

let sequence = 0;
const uuid = () => {
  sequence += 1;
  return `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
};

export function anAuditLog(overrides: Partial<AuditLog> = {}): AuditLog {
  return {
    id: uuid(),
    occurredAt: '2026-11-21T10:00:00.000Z',
    actorId: '11111111-1111-4111-8111-111111111111',
    actorEmail: 'ada@example.com',
    source: 'api-service',
    action: 'transaction.update',
    category: 'data',
    resourceType: 'transaction',
    resourceId: '22222222-2222-4222-8222-222222222222',
    result: 'success',
    severity: 'INFO',
    message: 'Updated transaction 22222222-2222-4222-8222-222222222222',
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0',
    traceId: 'a'.repeat(32),
    durationMs: 42,
    metadata: { method: 'PATCH', path: '/api/v1/transactions/2222', status: 200 },
    ...overrides,
  };
}

export const anAuditLogPage = (items: AuditLog[], overrides: Partial<AuditLogPage> = {}) => ({
  items,
  total: items.length,
  page: 1,
  limit: 50,
  ...overrides,
});

export function anAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: uuid(),
    timestamp: '2026-11-21T10:00:00.000Z',
    source: 'api-service',
    operator: 'ada@example.com',
    operation_type: 'exception_group.resolve',
    result: 'success',
    message: 'Resolved exception group',
    extra_info: { notes: 'fixed in 1.2.3' },
    ...overrides,
  };
}

export const anAuditEventList = (
  events: AuditEvent[],
  overrides: Partial<AuditEventList> = {},
): AuditEventList => ({
  events,
  total: events.length,
  limit: 50,
  offset: 0,
  start_date: '2026-11-14T10:00:00.000Z',
  end_date: '2026-11-21T10:00:00.000Z',
  ...overrides,
});

export function anAuditChange(overrides: Partial<AuditChange> = {}): AuditChange {
  return {
    id: '7',
    tableName: 'transactions',
    rowId: '22222222-2222-4222-8222-222222222222',
    action: 'UPDATE',
    oldData: { amount_cents: 1250, description: 'Coffee', notes: null },
    newData: { amount_cents: 1500, description: 'Coffee', notes: 'with cake' },
    changedColumns: ['amount_cents', 'notes'],
    userId: '11111111-1111-4111-8111-111111111111',
    traceId: null,
    changedAt: '2026-11-21T10:00:00.000Z',
    hash: 'f'.repeat(64),
    ...overrides,
  };
}

export const anAuditChangePage = (items: AuditChange[]): AuditChangePage => ({
  items,
  total: items.length,
  page: 1,
  limit: 200,
});

/**
 * A streamed file answer whose chunks the test releases one by one, as a slow export arrives:
 * `send('…')` enqueues a chunk, `end()` closes the stream.
 */
export function aStreamedFile(type: string, fileName: string) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
    },
  });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, {
      status: 200,
      headers: {
        'Content-Type': type,
        'Content-Disposition': `attachment; filename="${fileName}"`,
      },
    }),
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  };
}
