import { PROMETHEUS_BUCKETS_SECONDS, PrometheusMetrics } from './prometheus-metrics';

describe('Prometheus metrics', () => {
  it('uses the 1–2.5–5 bounds of the stored layout, 1 ms to 100 s', () => {
    expect(PROMETHEUS_BUCKETS_SECONDS).toEqual([
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100,
    ]);
  });

  it('exports queue depth and counts drops once each', async () => {
    const metrics = new PrometheusMetrics();
    const backlog = { queued: 3, dropped: 2 };
    metrics.addQueue('audit', { backlog });
    const read = async (name: string) =>
      (await metrics.registry.getMetricsAsJSON()).find((metric) => metric.name === name)?.values;
    expect(await read('ledgerlens_queue_depth')).toEqual([
      expect.objectContaining({ labels: { queue: 'audit' }, value: 3 }),
    ]);
    expect(await read('ledgerlens_queue_dropped_total')).toEqual([
      expect.objectContaining({ labels: { queue: 'audit' }, value: 2 }),
    ]);
    backlog.dropped = 5;
    expect(await read('ledgerlens_queue_dropped_total')).toEqual([
      expect.objectContaining({ value: 5 }),
    ]);
  });
});
