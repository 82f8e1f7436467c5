import { DomainEvent, ExceptionGroupEventPayload } from '@ledgerlens/contracts';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Occurrence } from '../../src/modules/exceptions/capture/occurrence';
import { ExceptionGroupDto } from '../../src/modules/exceptions/dto/exception-group.dto';
import { eventually } from './eventually';
import { SignedInUser, TestApp } from './test-app';

export const EXCEPTIONS = '/api/v1/logging/exceptions';

/** A stored occurrence, read past the API (every column). */
export interface StoredOccurrence extends Omit<
  Occurrence,
  'fingerprint' | 'title' | 'culprit' | 'occurredAt'
> {
  id: string;
  groupId: string;
  occurredAt: Date;
}

export function storedOccurrences(testApp: TestApp, groupId: string): Promise<StoredOccurrence[]> {
  return testApp.dataSource.query(
    `SELECT id::text, group_id AS "groupId", occurred_at AS "occurredAt", level, type, message,
       stack, source, trace_id AS "traceId", user_id AS "userId",
       request_method AS "requestMethod", request_path AS "requestPath", release, context
     FROM app_exceptions WHERE group_id = $1 ORDER BY id`,
    [groupId],
  );
}

/** Every group whose title contains `text`, as the list answers it (waits for it to appear). */
export async function groupsTitled(
  testApp: TestApp,
  admin: SignedInUser,
  text: string,
  expected = 1,
): Promise<ExceptionGroupDto[]> {
  return eventually(async () => {
    const response = await testApp.http
      .get(EXCEPTIONS)
      .query({ q: text, limit: 200 })
      .set(admin.auth)
      .expect(200);
    const { items } = response.body as { items: ExceptionGroupDto[] };
    expect(items).toHaveLength(expected);
    return items;
  });
}

/** Waits until the group's count reaches `count`, answering the group. */
export function groupWithCount(
  testApp: TestApp,
  admin: SignedInUser,
  id: string,
  count: number,
): Promise<ExceptionGroupDto> {
  return eventually(async () => {
    const response = await testApp.http.get(`${EXCEPTIONS}/${id}`).set(admin.auth).expect(200);
    const { group } = response.body as { group: ExceptionGroupDto };
    expect(group.count).toBe(count);
    return group;
  });
}

/** Collects the `exception.new` and `exception.regressed` events the app emits. */
export function collectExceptionEvents(testApp: TestApp) {
  const events = testApp.app.get(EventEmitter2);
  const seen = {
    new: [] as ExceptionGroupEventPayload[],
    regressed: [] as ExceptionGroupEventPayload[],
  };
  events.on(DomainEvent.ExceptionNew, (payload: ExceptionGroupEventPayload) =>
    seen.new.push(payload),
  );
  events.on(DomainEvent.ExceptionRegressed, (payload: ExceptionGroupEventPayload) =>
    seen.regressed.push(payload),
  );
  return seen;
}
