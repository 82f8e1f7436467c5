import { loadConfig } from '../../config/app-config';
import { otelSettingsOf, parseKeyValueList, signalUrl } from './otel-settings';

const settingsOf = (env: Record<string, string>) => otelSettingsOf(loadConfig(env), '1.2.3');

describe('OpenTelemetry settings', () => {
  it('are off without an endpoint, and with OTEL_SDK_DISABLED=true', () => {
    expect(settingsOf({})).toBeUndefined();
    expect(
      settingsOf({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_SDK_DISABLED: 'true',
      }),
    ).toBeUndefined();
  });

  it('send each signal to the base endpoint’s path, or to its own URL', () => {
    expect(settingsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toMatchObject({
      logsUrl: 'http://collector:4318/v1/logs',
      tracesUrl: 'http://collector:4318/v1/traces',
    });
    const tracesOnly = settingsOf({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://tempo/otlp' });
    expect(tracesOnly).toMatchObject({ tracesUrl: 'http://tempo/otlp' });
    expect(tracesOnly?.logsUrl).toBeUndefined();
    expect(signalUrl('http://c:4318/base', 'logs')).toBe('http://c:4318/base/v1/logs');
  });

  it('carry the resource: service name, version and instance, and the attributes given', () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' };
    const settings = settingsOf({ ...env, OTEL_RESOURCE_ATTRIBUTES: 'team=ops,region=eu%2Dwest' });
    const { 'service.instance.id': instanceId, ...resource } = settings?.resource ?? {};
    expect(resource).toEqual({
      'service.name': 'ledgerlens-api',
      'service.version': '1.2.3',
      team: 'ops',
      region: 'eu-west',
    });
    expect(instanceId).toMatch(/^[0-9a-f-]{36}$/);
    const named = (extra: Record<string, string>) =>
      settingsOf({ ...env, ...extra })?.resource['service.name'];
    expect(named({ OTEL_RESOURCE_ATTRIBUTES: 'service.name=from-attributes' })).toBe(
      'from-attributes',
    );
    expect(
      named({ OTEL_RESOURCE_ATTRIBUTES: 'service.name=from-attributes', OTEL_SERVICE_NAME: 'api' }),
    ).toBe('api');
  });

  it('read headers as key=value pairs, percent-decoded, skipping broken ones', () => {
    expect(parseKeyValueList(' api-key = s%3Dcret ,broken,x=%E0%A4%A,empty=')).toEqual({
      'api-key': 's=cret',
      empty: '',
    });
  });

  it('refuse a protocol other than http/json, and a malformed header list', () => {
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf' })).toThrow(
      /OTEL_EXPORTER_OTLP_PROTOCOL/,
    );
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_HEADERS: 'no-equals-sign' })).toThrow(
      /OTEL_EXPORTER_OTLP_HEADERS/,
    );
  });
});
