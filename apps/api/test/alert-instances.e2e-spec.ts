import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { createApp } from '../src/app/create-app';
import { ExclusiveJobs, JobOutcome } from '../src/common/jobs/exclusive-jobs';
import { AlertCycle, CycleSummary } from '../src/modules/alerts/alert-cycle';
import { ALERT_EVALUATION_JOB, AlertJobs } from '../src/modules/alerts/alert-jobs';
import {
  answer,
  Answer,
  LocalReceiver,
  startLocalReceiver,
} from '../src/modules/alerts/channels/testing/local-receiver';
import { DeliveriesStore } from '../src/modules/alerts/notifications/deliveries.store';
import { eventually } from './support/eventually';
import { alertFixtures } from './support/alert-fixtures';
import { ADMIN_ENV, createTestApp, SignedInUser, signInAdmin, TestApp } from './support/test-app';

interface DeliveryRow {
  id: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date | null;
}

const SECOND = 1000;
const at = (t0: Date, ms: number) => new Date(t0.getTime() + ms);

/** When a pending delivery is tried next (a pending row always has a time). */
function nextAttempt(row: { nextAttemptAt: Date | null }): Date {
  if (row.nextAttemptAt === null) throw new Error('The delivery has no next attempt');
  return row.nextAttemptAt;
}
/** The worker's lease on a claimed delivery (delivery-worker.ts). */
const LEASE_MS = 60 * SECOND;

/** An answer given after `ms`, so attempts from two instances overlap. */
const slowly =
  (ms: number, then: Answer): Answer =>
  (request, response) =>
    void setTimeout(() => then(request, response), ms);

/**
 * Issue 16 across instances: API instances sharing one database, as behind a load balancer and
 * across restarts, evaluate each due rule once and deliver each notification once. `owner` holds
 * the database and serves the admin API; the other instances are the same application built on
 * its database. Time is stepped by passing `now` (the jobs pass the clock).
 */
describe('alerting on API instances that share one database', () => {
  let owner: TestApp;
  let second: INestApplication;
  let admin: SignedInUser;
  let receiver: LocalReceiver;
  const fixtures = alertFixtures(
    () => owner,
    () => admin,
  );
  const webhookPoint = (path: string) => fixtures.webhookPoint(`${receiver.url}${path}`);
  const alwaysHoldingRule = (contactPointIds: string[], pendingSeconds?: number) =>
    fixtures.alwaysHoldingRule(contactPointIds, { pendingSeconds });

  const anotherInstance = () => createApp({ config: owner.config, databaseUrl: owner.databaseUrl });

  beforeAll(async () => {
    receiver = await startLocalReceiver();
    owner = await createTestApp({ ...ADMIN_ENV, ALERT_WEBHOOK_ALLOW_PRIVATE: 'true' });
    second = await anotherInstance();
    admin = await signInAdmin(owner);
  }, 30_000);

  // A rule left behind would be evaluated again by the next test's steps.
  afterEach(async () => {
    receiver.answerWith(answer(200));
    await fixtures.removeRules();
  });

  afterAll(async () => {
    await second?.close();
    await owner?.close();
    await receiver?.close();
  });

  async function deliveriesOf(ruleId: string): Promise<DeliveryRow[]> {
    return owner.dataSource.query(
      `SELECT id, status, attempts, next_attempt_at AS "nextAttemptAt"
       FROM alert_notifications WHERE rule_id = $1 ORDER BY created_at, id`,
      [ruleId],
    );
  }

  async function onlyDelivery(ruleId: string): Promise<DeliveryRow> {
    const rows = await deliveriesOf(ruleId);
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  const requestsTo = (path: string) =>
    receiver.received.filter((request) => request.url.startsWith(path));
  const webhookIds = (path: string) =>
    requestsTo(path).map((request) => String(request.headers['webhook-id']));

  describe('evaluation', () => {
    /** One round: each instance's evaluation job at the same moment, for `now`. */
    async function round(now: Date, instances: INestApplication[]) {
      const summaries: CycleSummary[] = [];
      const outcomes = await Promise.all(
        instances.map((app) =>
          app.get(ExclusiveJobs).run(ALERT_EVALUATION_JOB, async () => {
            summaries.push(await app.get(AlertCycle).evaluate(now));
          }),
        ),
      );
      return { outcomes, summaries };
    }

    const total = (summaries: CycleSummary[], field: keyof CycleSummary) =>
      summaries.reduce((sum, summary) => sum + summary[field], 0);

    async function lastEvaluatedAt(ruleId: string): Promise<Date> {
      const [run] = await owner.dataSource.query(
        `SELECT last_evaluated_at AS "lastEvaluatedAt" FROM alert_rule_runs WHERE rule_id = $1`,
        [ruleId],
      );
      return run.lastEvaluatedAt;
    }

    it('evaluates a due rule once a round and notifies once, whichever instance runs the job', async () => {
      // Pending at the first round, firing at the second: a double evaluation would show twice.
      const ruleId = await alwaysHoldingRule([await webhookPoint('/evaluated')], 10);
      const t0 = new Date();
      const made: number[] = [];
      for (let i = 0; i < 6; i++) {
        const now = at(t0, i * 10 * SECOND);
        const { outcomes, summaries } = await round(now, [owner.app, second]);
        // Either the other instance held the lock ('busy'), or it ran after and found nothing due.
        expect(outcomes.every((outcome) => outcome === 'succeeded' || outcome === 'busy')).toBe(
          true,
        );
        expect(outcomes).toContain('succeeded');
        expect(total(summaries, 'rulesEvaluated')).toBe(1);
        made.push(total(summaries, 'deliveriesMade'));
        expect(await lastEvaluatedAt(ruleId)).toEqual(now);
      }
      expect(made).toEqual([0, 1, 0, 0, 0, 0]);

      const history = await owner.dataSource.query(
        `SELECT from_state || '->' || to_state AS change, occurred_at AS "occurredAt"
         FROM alert_history WHERE rule_id = $1 ORDER BY id`,
        [ruleId],
      );
      expect(history).toEqual([
        { change: 'normal->pending', occurredAt: t0 },
        { change: 'pending->firing', occurredAt: at(t0, 10 * SECOND) },
      ]);
      await second.get(AlertCycle).deliver(at(t0, 60 * SECOND));
      expect(requestsTo('/evaluated')).toHaveLength(1);
    });

    it('finds the job busy on one instance while the other is evaluating', async () => {
      const ruleId = await alwaysHoldingRule([]);
      const now = new Date();
      // Holding a table the evaluation reads keeps the first instance's run (and its lock) open.
      const blocker = new Client({ connectionString: owner.databaseUrl });
      await blocker.connect();
      let held: Promise<JobOutcome> | undefined;
      try {
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE alert_rule_runs IN ACCESS EXCLUSIVE MODE');
        held = owner.app
          .get(ExclusiveJobs)
          .run(ALERT_EVALUATION_JOB, () => owner.app.get(AlertCycle).evaluate(now));
        await eventually(async () => {
          const { rows } = await blocker.query(
            `SELECT count(*)::int AS locks FROM pg_locks
             WHERE locktype = 'advisory' AND granted AND database =
               (SELECT oid FROM pg_database WHERE datname = current_database())`,
          );
          expect(rows[0].locks).toBe(1);
        });
        let evaluatedBySecond = false;
        const outcome = await second.get(ExclusiveJobs).run(ALERT_EVALUATION_JOB, async () => {
          evaluatedBySecond = true;
        });
        expect(outcome).toBe('busy');
        expect(evaluatedBySecond).toBe(false);
      } finally {
        await blocker.query('COMMIT');
        await blocker.end();
      }
      expect(await held).toBe('succeeded');
      expect(await lastEvaluatedAt(ruleId)).toEqual(now);
    });
  });

  describe('delivery', () => {
    it('attempts each pending delivery once when both instances deliver at the same moment', async () => {
      receiver.answerWith(slowly(50, answer(200)));
      const paths = Array.from({ length: 6 }, (_, i) => `/both/${i}`);
      const points = [];
      for (const path of paths) points.push(await webhookPoint(path));
      const ruleId = await alwaysHoldingRule(points);
      const t0 = new Date();
      await owner.app.get(AlertCycle).evaluate(t0);
      const pending = await deliveriesOf(ruleId);
      expect(pending).toHaveLength(6);

      const delivered = await Promise.all(
        [owner.app, second].map((app) => app.get(AlertCycle).deliver(t0)),
      );
      expect(delivered[0] + delivered[1]).toBe(6);
      expect(webhookIds('/both/').sort()).toEqual(pending.map((row) => row.id).sort());
      const sent = await deliveriesOf(ruleId);
      expect(sent.map((row) => [row.status, row.attempts])).toEqual(
        Array.from({ length: 6 }, () => ['sent', 1]),
      );

      // Sent is final: later rounds on either instance post nothing.
      for (const later of [LEASE_MS + 1, 3600 * SECOND]) {
        const again = await Promise.all(
          [owner.app, second].map((app) => app.get(AlertCycle).deliver(at(t0, later))),
        );
        expect(again).toEqual([0, 0]);
      }
      expect(requestsTo('/both/')).toHaveLength(6);
    });

    it('finishes a retry that a restart interrupted: sent once, by the next instance', async () => {
      receiver.answerWith(answer(503));
      const ruleId = await alwaysHoldingRule([await webhookPoint('/restart')]);
      const t0 = new Date();
      const before = await anotherInstance();
      await before.get(AlertCycle).evaluate(t0);
      expect(await before.get(AlertCycle).deliver(t0)).toBe(1);
      const waiting = await onlyDelivery(ruleId);
      expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
      await before.close();

      receiver.answerWith(answer(200));
      const after = await anotherInstance();
      try {
        expect(await after.get(AlertCycle).deliver(nextAttempt(waiting))).toBe(1);
        expect(await after.get(AlertCycle).deliver(at(t0, 3600 * SECOND))).toBe(0);
      } finally {
        await after.close();
      }
      expect(await onlyDelivery(ruleId)).toMatchObject({ status: 'sent', attempts: 2 });
      expect(webhookIds('/restart')).toEqual([waiting.id, waiting.id]);
    });

    it('retries a delivery whose instance died mid-attempt once its lease ends, not before', async () => {
      const ruleId = await alwaysHoldingRule([await webhookPoint('/orphaned')]);
      const t0 = new Date();
      await owner.app.get(AlertCycle).evaluate(t0);
      const dying = await anotherInstance();
      // Claimed as the worker claims, then never finished: the instance goes away.
      const claimed = await dying.get(DeliveriesStore).claim(t0, 50, LEASE_MS);
      expect(claimed.map((delivery) => delivery.id)).toEqual([(await onlyDelivery(ruleId)).id]);
      await dying.close();

      expect(await second.get(AlertCycle).deliver(at(t0, LEASE_MS - SECOND))).toBe(0);
      expect(requestsTo('/orphaned')).toHaveLength(0);
      expect(await onlyDelivery(ruleId)).toMatchObject({ status: 'pending', attempts: 0 });

      expect(await second.get(AlertCycle).deliver(at(t0, LEASE_MS))).toBe(1);
      expect(await onlyDelivery(ruleId)).toMatchObject({ status: 'sent', attempts: 1 });
      expect(requestsTo('/orphaned')).toHaveLength(1);
    });

    it('lets a delivery in flight finish when its instance shuts down', async () => {
      receiver.answerWith(slowly(300, answer(200)));
      const ruleId = await alwaysHoldingRule([await webhookPoint('/shutdown')]);
      await owner.app.get(AlertCycle).evaluate(new Date());
      const stopping = await anotherInstance();
      // The scheduled job itself, on the clock.
      const job = stopping.get(AlertJobs).deliver();
      await eventually(async () => expect(requestsTo('/shutdown')).toHaveLength(1));
      await stopping.close();
      expect(await job).toBe('succeeded');

      expect(await onlyDelivery(ruleId)).toMatchObject({ status: 'sent', attempts: 1 });
      expect(await second.get(AlertCycle).deliver(at(new Date(), 3600 * SECOND))).toBe(0);
      expect(requestsTo('/shutdown')).toHaveLength(1);
    });
  });
});
