import { randomUUID } from 'node:crypto';
import type { SignedInUser, TestApp } from './test-app';

/**
 * Contact points and rules for tests of evaluation and delivery, made through the API as an
 * admin would. Rules made are remembered, so `removeRules` can delete them after each test (a
 * rule left behind would be evaluated again by the next test's steps).
 */
export function alertFixtures(testApp: () => TestApp, admin: () => SignedInUser) {
  const rules: string[] = [];
  return {
    /** A webhook contact point posting to `url`. */
    async webhookPoint(url: string): Promise<string> {
      const response = await testApp()
        .http.post('/api/v1/monitoring/alerts/contact-points')
        .set(admin().auth)
        .send({ name: `Hook ${url}`, type: 'webhook', settings: { url } })
        .expect(201);
      return (response.body as { id: string }).id;
    },

    /**
     * A rule whose condition always holds (a count of log lines with a unique text, at least 0),
     * notified without group wait and never resolved.
     */
    async alwaysHoldingRule(
      contactPointIds: string[],
      { pendingSeconds = 0, repeatIntervalSeconds = 3600 } = {},
    ): Promise<string> {
      const response = await testApp()
        .http.post('/api/v1/monitoring/alerts')
        .set(admin().auth)
        .send({
          name: `Always holding ${randomUUID().slice(0, 8)}`,
          severity: 'warning',
          metricType: 'log_count',
          filters: { text: randomUUID() },
          operator: '>=',
          threshold: 0,
          windowSeconds: 10,
          intervalSeconds: 10,
          pendingSeconds,
          notification: {
            contactPointIds,
            groupWaitSeconds: 0,
            groupIntervalSeconds: 10,
            repeatIntervalSeconds,
            sendResolved: false,
          },
        })
        .expect(201);
      const { id } = response.body as { id: string };
      rules.push(id);
      return id;
    },

    async removeRules(): Promise<void> {
      for (const id of rules.splice(0)) {
        await testApp()
          .http.delete(`/api/v1/monitoring/alerts/${id}`)
          .set(admin().auth)
          .expect(204);
      }
    },
  };
}
