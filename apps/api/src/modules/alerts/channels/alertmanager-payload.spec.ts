import {
  alertLabels,
  alertmanagerPayload,
  MAX_PAYLOAD_ALERTS,
  payloadFingerprint,
  ZERO_TIME,
} from './alertmanager-payload';
import { alertmanagerV4Problems } from './testing/alertmanager-v4-schema';
import {
  ENDED_AT,
  firingMessage,
  instance,
  resolvedInstance,
  resolvedMessage,
  STARTED_AT,
  testMessage,
} from './testing/alert-messages';

const NOW = new Date('2026-03-01T11:00:00.000Z');

describe('alertmanagerPayload', () => {
  it('describes a firing group as Alertmanager does', () => {
    const payload = alertmanagerPayload('On-call webhook', firingMessage(), NOW);
    expect(alertmanagerV4Problems(payload)).toEqual([]);
    expect(payload).toMatchObject({
      version: '4',
      groupKey: '{}:{alertname="High p95 latency"}',
      truncatedAlerts: 0,
      status: 'firing',
      receiver: 'On-call webhook',
      externalURL: 'https://ledgerlens.example.com',
    });
    expect(payload.alerts).toHaveLength(2);
    expect(payload.alerts[0]).toEqual({
      status: 'firing',
      labels: {
        alertname: 'High p95 latency',
        severity: 'critical',
        team: 'payments',
        route: '/api/v1/transactions',
      },
      annotations: {
        description: 'Requests are slow',
        summary: 'p95 latency is above 200 ms',
        runbook_url: 'https://runbooks.example.com/latency',
      },
      startsAt: STARTED_AT.toISOString(),
      endsAt: ZERO_TIME,
      generatorURL: firingMessage().ruleUrl,
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown,
      value: 350,
    });
  });

  it('has common labels and annotations only where all alerts agree', () => {
    const payload = alertmanagerPayload('hook', firingMessage(), NOW);
    expect(payload.commonLabels).toEqual({
      alertname: 'High p95 latency',
      severity: 'critical',
      team: 'payments',
    });
    expect(payload.commonAnnotations).toEqual(payload.alerts[0].annotations);
    // The routes differ, so the group is told apart by its name alone.
    expect(payload.groupLabels).toEqual({ alertname: 'High p95 latency' });
  });

  it('names the group-by label among the group labels when every alert shares it', () => {
    const message = firingMessage({ firing: [instance('/api/v1/budgets', 260)] });
    const payload = alertmanagerPayload('hook', message, NOW);
    expect(payload.groupLabels).toEqual({
      alertname: 'High p95 latency',
      route: '/api/v1/budgets',
    });
    const ungrouped = alertmanagerPayload(
      'hook',
      { ...message, rule: { ...message.rule, groupBy: null } },
      NOW,
    );
    expect(ungrouped.groupLabels).toEqual({ alertname: 'High p95 latency' });
  });

  it('gives each instance a fingerprint of its own that stays the same', () => {
    const first = alertmanagerPayload('hook', firingMessage(), NOW);
    const again = alertmanagerPayload('hook', resolvedMessage(), NOW);
    const [a, b] = first.alerts.map((alert) => alert.fingerprint);
    expect(a).not.toBe(b);
    expect(again.alerts.map((alert) => alert.fingerprint)).toEqual([a, b]);
    expect(payloadFingerprint('0123456789abcdef')).toBe('0123456789abcdef');
  });

  it('describes a resolved group with the times its alerts ended', () => {
    const payload = alertmanagerPayload('hook', resolvedMessage(), NOW);
    expect(alertmanagerV4Problems(payload)).toEqual([]);
    expect(payload.status).toBe('resolved');
    expect(payload.alerts.map((alert) => [alert.status, alert.startsAt, alert.endsAt])).toEqual([
      ['resolved', STARTED_AT.toISOString(), ENDED_AT.toISOString()],
      ['resolved', STARTED_AT.toISOString(), ENDED_AT.toISOString()],
    ]);
  });

  it('is firing while any alert fires, firing alerts first', () => {
    const message = firingMessage({
      firing: [instance('/a', 300)],
      resolved: [resolvedInstance('/b', 10), { ...resolvedInstance('/c', 5), endsAt: null }],
    });
    const payload = alertmanagerPayload('hook', message, NOW);
    expect(payload.status).toBe('firing');
    expect(payload.alerts.map((alert) => [alert.labels.route, alert.status, alert.endsAt])).toEqual(
      [
        ['/a', 'firing', ZERO_TIME],
        ['/b', 'resolved', ENDED_AT.toISOString()],
        ['/c', 'resolved', NOW.toISOString()],
      ],
    );
  });

  it('marks a test message as a firing alert labelled test', () => {
    const payload = alertmanagerPayload('hook', testMessage(), NOW);
    expect(alertmanagerV4Problems(payload)).toEqual([]);
    expect(payload.status).toBe('firing');
    expect(payload.alerts).toHaveLength(1);
    expect(payload.alerts[0]).toMatchObject({
      status: 'firing',
      labels: { alertname: 'High p95 latency', severity: 'critical', test: 'true' },
      startsAt: NOW.toISOString(),
      endsAt: ZERO_TIME,
    });
    expect(payload.commonLabels.test).toBe('true');
  });

  it('keeps the rule name and severity over labels that share their keys', () => {
    const message = firingMessage({
      firing: [instance('/a', 300, { labels: { alertname: 'spoof', severity: 'info' } })],
    });
    const [alert] = alertmanagerPayload('hook', message, NOW).alerts;
    expect(alert.labels).toMatchObject({ alertname: 'High p95 latency', severity: 'critical' });
  });

  it('labels an alert as silences and receivers see it', () => {
    const rule = firingMessage().rule;
    expect(alertLabels(rule, { route: '/a', alertname: 'spoof' })).toEqual({
      team: 'payments',
      route: '/a',
      alertname: 'High p95 latency',
      severity: 'critical',
    });
    expect(alertLabels(rule, {}, true)).toMatchObject({ test: 'true' });
  });

  it(`sends at most ${MAX_PAYLOAD_ALERTS} alerts and counts the rest`, () => {
    const firing = Array.from({ length: MAX_PAYLOAD_ALERTS + 50 }, (_, i) =>
      instance(`/route/${i}`, 300 + i),
    );
    const payload = alertmanagerPayload('hook', firingMessage({ firing }), NOW);
    expect(alertmanagerV4Problems(payload)).toEqual([]);
    expect(payload.alerts).toHaveLength(MAX_PAYLOAD_ALERTS);
    expect(payload.truncatedAlerts).toBe(50);
    expect(payload.alerts[0].labels.route).toBe('/route/0');
  });
});
