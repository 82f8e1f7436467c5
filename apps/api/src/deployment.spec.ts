import { getMetadataStorage } from 'class-validator';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { AppConfig, loadConfig } from './config';

/*
 * The deployment files (Dockerfile, docker-compose.yml, deploy/, docs/deployment.md) checked
 * without Docker: their structure, and that every variable they set is one the configuration
 * knows. With `docker compose` on PATH, compose's own validation runs too.
 */

const REPOSITORY = resolve(__dirname, '../../..');
const read = (path: string) => readFileSync(resolve(REPOSITORY, path), 'utf8');

interface ComposeService {
  image?: string;
  build?: unknown;
  profiles?: string[];
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition?: string }> | string[];
  volumes?: string[];
  configs?: { source: string; target: string }[];
}

interface Compose {
  services: Record<string, ComposeService>;
  configs?: Record<string, { content?: string; file?: string }>;
}

interface PrometheusConfig {
  rule_files?: string[];
  scrape_configs: {
    job_name: string;
    metrics_path?: string;
    authorization?: { type?: string; credentials_file?: string };
    static_configs: { targets: string[] }[];
  }[];
}

/** Every variable AppConfig validates: each of its properties carries a validation decorator. */
function configVariables(): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(AppConfig, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))].sort();
}

/** Compose's interpolation with an empty environment: `${X:-default}` is the default. */
function interpolated(value: string): string {
  return value.replace(/\$\{(\w+)(?::?-([^}]*))?\}/g, (_match, _name, fallback?: string) => {
    return fallback ?? '';
  });
}

const compose = parse(read('docker-compose.yml'), { merge: true }) as Compose;
const API_INSTANCES = ['api-1', 'api-2'];
const CLUSTER = ['postgres', 'redis', 'migrate', ...API_INSTANCES, 'proxy', 'prometheus'];
const service = (name: string) => compose.services[name];
const dependenciesOf = (name: string) => {
  const dependsOn = service(name).depends_on ?? {};
  return Array.isArray(dependsOn) ? dependsOn : Object.keys(dependsOn);
};

describe('docker-compose.yml', () => {
  it('has PostgreSQL 16, Redis 7, a migration, two API instances, the proxy and Prometheus', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(CLUSTER));
    expect(service('postgres').image).toBe('postgres:16');
    expect(service('redis').image).toBe('redis:7');
    for (const name of ['migrate', ...API_INSTANCES, 'proxy', 'prometheus']) {
      expect({ name, profiles: service(name).profiles }).toEqual({ name, profiles: ['cluster'] });
    }
    // Without a profile, `docker compose up` still starts only the databases (the README's use).
    expect(service('postgres').profiles).toBeUndefined();
    expect(service('redis').profiles).toBeUndefined();
  });

  it('runs both instances from the same image with the same settings, secrets included', () => {
    const [one, two] = API_INSTANCES.map(service);
    expect(one.image).toBe(two.image);
    expect(one.image).toBe(service('migrate').image);
    const { INSTANCE_ID: firstId, ...first } = one.environment ?? {};
    const { INSTANCE_ID: secondId, ...second } = two.environment ?? {};
    expect(first).toEqual(second);
    expect(firstId).not.toBe(secondId);
    for (const shared of [
      'JWT_SECRET',
      'METRICS_TOKEN',
      'DATABASE_URL',
      'REDIS_URL',
      'TRUST_PROXY',
    ]) {
      expect({ shared, set: Boolean(first[shared]) }).toEqual({ shared, set: true });
    }
    expect(first.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(first.REDIS_URL).toBe('redis://redis:6379');
    // Migrations run once, in `migrate`, not in both instances at once.
    expect(first.DB_MIGRATIONS_RUN).toBe('false');
    expect(service('migrate').command).toEqual(['node', 'dist/apps/api/main.js', 'db:migrate']);
  });

  it('gives each instance a readiness healthcheck and starts them after the migration', () => {
    for (const name of API_INSTANCES) {
      const test = (service(name).healthcheck?.test ?? []).join(' ');
      expect(`${name}: ${test}`).toContain('/api/v1/health/ready');
      expect(dependenciesOf(name)).toEqual(
        expect.arrayContaining(['postgres', 'redis', 'migrate']),
      );
    }
  });

  it('puts the proxy in front of both instances, started once they are healthy', () => {
    const dependsOn = service('proxy').depends_on as Record<string, { condition?: string }>;
    for (const name of API_INSTANCES) {
      expect(dependsOn[name]).toEqual({ condition: 'service_healthy' });
    }
    expect(service('proxy').volumes).toContain('./deploy/nginx.conf:/etc/nginx/nginx.conf:ro');
  });

  it('sets only variables the configuration knows, with values it accepts', () => {
    const known = new Set(configVariables());
    expect(known.size).toBe(Object.keys(loadConfig({})).length);
    for (const name of ['migrate', ...API_INSTANCES]) {
      const environment = service(name).environment ?? {};
      const unknown = Object.keys(environment).filter((variable) => !known.has(variable));
      expect({ name, unknown }).toEqual({ name, unknown: [] });
      const values = Object.fromEntries(
        Object.entries(environment).map(([variable, value]) => [variable, interpolated(value)]),
      );
      expect(() => loadConfig(values)).not.toThrow();
    }
  });

  it('passes `docker compose config` when Docker Compose is available', () => {
    const version = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
    if (version.error || version.status !== 0) {
      console.log(
        `Skipped \`docker compose config -q\`: Docker Compose is not available here (${
          version.error?.message ?? (version.stderr || version.stdout).trim()
        }); the structural checks above ran.`,
      );
      return;
    }
    const check = spawnSync(
      'docker',
      ['compose', '--profile', 'cluster', '-f', 'docker-compose.yml', 'config', '-q'],
      { cwd: REPOSITORY, encoding: 'utf8' },
    );
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
  });
});

describe('deploy/prometheus.yml', () => {
  const prometheus = parse(read('deploy/prometheus.yml')) as PrometheusConfig;

  it("scrapes both instances' /metrics with the METRICS_TOKEN compose mounts", () => {
    const [job] = prometheus.scrape_configs;
    expect(job.metrics_path).toBe('/metrics');
    const targets = job.static_configs.flatMap((entry) => entry.targets);
    expect(targets).toEqual(expect.arrayContaining(['api-1:3000', 'api-2:3000']));
    const mounted = service('prometheus').configs ?? [];
    expect(mounted).toContainEqual({
      source: 'metrics-token',
      target: job.authorization?.credentials_file,
    });
    expect(job.authorization?.type).toBe('Bearer');
    // The file holds what the instances require.
    expect(compose.configs?.['metrics-token']?.content).toBe(
      service('api-1').environment?.METRICS_TOKEN,
    );
    expect(service('prometheus').volumes).toContain(
      './deploy/prometheus.yml:/etc/prometheus/prometheus.yml:ro',
    );
  });

  it('loads the alert rules on Ledgerlens itself from the file compose mounts', () => {
    const mounts = (service('prometheus').volumes ?? []).map((volume) => volume.split(':'));
    for (const ruleFile of prometheus.rule_files ?? []) {
      expect(mounts).toContainEqual(['./deploy/prometheus-alerts.yml', ruleFile, 'ro']);
    }
    expect(prometheus.rule_files).toHaveLength(1);
  });
});

describe('deploy/prometheus-alerts.yml', () => {
  const file = read('deploy/prometheus-alerts.yml');
  const groups = (
    parse(file) as {
      groups: {
        rules: {
          alert: string;
          expr: string;
          labels: { severity: string };
          annotations: { summary: string; description: string };
        }[];
      }[];
    }
  ).groups;
  const promtool = (args: string[]) =>
    spawnSync('promtool', args, { cwd: resolve(REPOSITORY, 'deploy'), encoding: 'utf8' });
  const promtoolInstalled = !promtool(['--version']).error;

  it('alerts only on series the API exports, each rule with a severity, summary and description', () => {
    const exported = [
      'up',
      'http_request_duration_seconds_count',
      'http_request_duration_seconds_bucket',
      'ledgerlens_queue_dropped_total',
      'ledgerlens_queue_depth',
      'nodejs_eventloop_lag_p99_seconds',
    ];
    for (const rule of groups.flatMap((group) => group.rules)) {
      const series = [...rule.expr.matchAll(/([a-z_][a-z0-9_]*)\{/g)].map((match) => match[1]);
      expect(series.length).toBeGreaterThan(0);
      for (const name of series) expect(exported).toContain(name);
      expect(rule.labels.severity).toMatch(/^(critical|warning)$/);
      expect(rule.annotations.summary).toMatch(/\S/);
      expect(rule.annotations.description).toMatch(/\S/);
    }
  });

  it('is a valid rule file whose unit tests pass (promtool, when installed; CI installs it)', () => {
    if (!promtoolInstalled) return;
    const check = promtool(['check', 'rules', 'prometheus-alerts.yml']);
    expect(check.stdout + check.stderr).toContain('SUCCESS: 6 rules found');
    const unit = promtool(['test', 'rules', 'prometheus-alerts.test.yml']);
    expect({ status: unit.status, output: unit.stdout + unit.stderr }).toMatchObject({ status: 0 });
  });
});

describe('deploy/nginx.conf', () => {
  const nginx = read('deploy/nginx.conf');

  it('balances over both instances, upgrades WebSockets and forwards the client', () => {
    expect(nginx).toMatch(/server api-1:3000/);
    expect(nginx).toMatch(/server api-2:3000/);
    expect(nginx).toMatch(
      /location \/socket\.io\/ \{[^}]*proxy_set_header Upgrade \$http_upgrade;/,
    );
    expect(nginx).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-Proto \$scheme;/);
    expect(nginx).toMatch(/proxy_next_upstream [^;]*http_503/);
    expect(nginx).toMatch(/location = \/metrics \{\s*return 404;/);
  });
});

describe('Dockerfile', () => {
  const lines = read('Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages = lines.reduce<string[][]>((all, line) => {
    if (/^FROM\s/i.test(line)) all.push([]);
    all.at(-1)?.push(line);
    return all;
  }, []);
  const final = stages.at(-1) ?? [];

  it('builds in stages and runs from node:20-bookworm-slim', () => {
    expect(stages.length).toBeGreaterThan(1);
    expect(final[0]).toMatch(/^FROM node:20-bookworm-slim\b/);
    expect(
      stages.some((stage) => stage.some((line) => /nx run-many -t build -p api web/.test(line))),
    ).toBe(true);
  });

  it('runs as a user other than root, with a liveness HEALTHCHECK and the port exposed', () => {
    const users = final.filter((line) => /^USER\s/i.test(line));
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^USER\s+(root|0)(:|\s|$)/i);
    const healthcheck = final.find((line) => /^HEALTHCHECK\s/i.test(line));
    expect(healthcheck).toMatch(/\/api\/v1\/health\/live/);
    expect(healthcheck).not.toMatch(/curl/);
    expect(final).toContainEqual(expect.stringMatching(/^EXPOSE 3000$/));
  });

  it('sets only variables the configuration knows in the image', () => {
    const known = new Set(configVariables());
    const set = final
      .filter((line) => /^ENV\s/i.test(line))
      .flatMap((line) => [...line.matchAll(/(\w+)=/g)].map((match) => match[1]));
    expect(set.length).toBeGreaterThan(0);
    expect(set.filter((variable) => !known.has(variable))).toEqual([]);
  });
});

describe('docs/deployment.md', () => {
  it('describes every variable the configuration knows', () => {
    const docs = read('docs/deployment.md');
    const missing = configVariables().filter((variable) => !docs.includes(`\`${variable}\``));
    expect(missing).toEqual([]);
  });
});
