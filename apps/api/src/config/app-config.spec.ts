import { ConfigValidationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      EMBEDDED_PG_DIR: '.data/postgres',
      DB_MIGRATIONS_RUN: true,
      SEED_DEMO_DATA: true,
      JWT_ACCESS_TTL_SECONDS: 900,
      LOG_LEVEL: 'info',
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('converts numbers and booleans, and treats empty strings as unset', () => {
    const config = loadConfig({
      PORT: '8080',
      SEED_DEMO_DATA: 'no',
      DATABASE_URL: '',
      DB_POOL_SIZE: '5',
    });
    expect(config).toMatchObject({ PORT: 8080, SEED_DEMO_DATA: false, DB_POOL_SIZE: 5 });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        SEED_DEMO_DATA: 'maybe',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const names = (error as ConfigValidationError).problems.map((problem) => problem.split(':')[0]);
    expect(names.sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'SEED_DEMO_DATA']);
  });

  it('requires a strong JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET: required in production/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).JWT_SECRET,
    ).toHaveLength(32);
  });

  it('reads the performance metrics settings', () => {
    expect(loadConfig({})).toMatchObject({
      SLOW_REQUEST_MS: 1000,
      SLOW_QUERY_MS: 500,
      METRICS_CAPTURE_ENABLED: true,
      METRICS_FLUSH_INTERVAL_MS: 5000,
      METRICS_RETENTION_MINUTE_DAYS: 7,
      METRICS_RETENTION_FIVE_MIN_DAYS: 30,
      METRICS_RETENTION_HOUR_DAYS: 365,
      METRICS_RETENTION_SLOW_DAYS: 30,
    });
    expect(loadConfig({ METRICS_TOKEN: '', INSTANCE_ID: '' })).toMatchObject({
      METRICS_TOKEN: undefined,
      INSTANCE_ID: undefined,
    });
    expect(
      loadConfig({ METRICS_CAPTURE_ENABLED: 'off', INSTANCE_ID: 'api-1.eu:3000' }),
    ).toMatchObject({
      METRICS_CAPTURE_ENABLED: false,
      INSTANCE_ID: 'api-1.eu:3000',
    });
    // `*` names the rolled-up rows of every instance; a short token is refused.
    expect(() => loadConfig({ INSTANCE_ID: '*' })).toThrow(/INSTANCE_ID/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ SLOW_REQUEST_MS: '0' })).toThrow(/SLOW_REQUEST_MS/);
  });
});
