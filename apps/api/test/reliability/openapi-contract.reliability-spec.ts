import type { OpenAPIObject, OperationObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { openApiDocumentOf } from '../../src/app/openapi-document';
import { loadConfig } from '../../src/config/app-config';
import { operationsOf } from '../../src/common/openapi/operations';

const ROOT = resolve(__dirname, '../../../..');
const SPECTRAL = join(ROOT, 'node_modules/.bin/spectral');
const REPORT = join(ROOT, 'dist/reliability/contract.json');

/** Spectral's severities in its JSON output. */
const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;

interface SpectralResult {
  code: string;
  message: string;
  path: string[];
  severity: number;
}

async function lint(document: OpenAPIObject): Promise<SpectralResult[]> {
  const folder = mkdtempSync(join(tmpdir(), 'ledgerlens-openapi-'));
  const file = join(folder, 'openapi.json');
  writeFileSync(file, JSON.stringify(document));
  try {
    // Spectral exits 1 when it finds errors; its JSON on stdout is what counts.
    const { stdout } = await promisify(execFile)(
      SPECTRAL,
      ['lint', file, '--ruleset', join(ROOT, '.spectral.yaml'), '--format', 'json', '--quiet'],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
    ).catch((error: { stdout?: string; stderr?: string }) => {
      if (!error.stdout) throw new Error(`Spectral failed: ${error.stderr}`);
      return { stdout: error.stdout };
    });
    return JSON.parse(stdout) as SpectralResult[];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const countBy = (results: SpectralResult[]) =>
  results.reduce<Record<string, number>>((counts, { code }) => {
    counts[code] = (counts[code] ?? 0) + 1;
    return counts;
  }, {});

describe('the OpenAPI document (contract)', () => {
  let document: OpenAPIObject;

  beforeAll(async () => {
    document = await openApiDocumentOf(
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
      }),
    );
  });

  const schema = (name: string) => document.components?.schemas?.[name] as SchemaObject;
  const property = (name: string, field: string) =>
    schema(name).properties?.[field] as SchemaObject;
  const operation = (path: string, method: 'get' | 'post') =>
    document.paths[path][method] as OperationObject;

  it('passes Spectral with the OWASP API ruleset without an error', async () => {
    const results = await lint(document);
    const errors = results.filter((result) => result.severity === 0);
    const warnings = results.filter((result) => result.severity === 1);
    mkdirSync(join(ROOT, 'dist/reliability'), { recursive: true });
    writeFileSync(
      REPORT,
      JSON.stringify(
        {
          operations: operationsOf(document).length,
          responses: operationsOf(document).reduce(
            (sum, { operation: op }) => sum + Object.keys(op.responses).length,
            0,
          ),
          spectral: Object.fromEntries(
            SEVERITIES.map((severity, index) => [
              severity,
              countBy(results.filter((result) => result.severity === index)),
            ]),
          ),
        },
        null,
        2,
      ),
    );
    expect(
      errors.map(({ code, path, message }) => `${code} at ${path.join('.')}: ${message}`),
    ).toEqual([]);
    // Accepted warnings are listed and justified in .spectral.yaml; a new kind needs a reason there.
    expect(Object.keys(countBy(warnings)).sort()).toEqual([
      'oas3-api-servers',
      'operation-description',
      'operation-success-response',
      'owasp:api2:2023-read-restricted',
      'owasp:api3:2023-constrained-additionalProperties',
      'owasp:api3:2023-no-additionalProperties',
      'owasp:api4:2023-rate-limit-responses-429',
      'owasp:api4:2023-string-restricted',
      'owasp:api8:2023-define-error-responses-401',
    ]);
  }, 120_000);

  it('documents the shared error answers on every operation that can give them', () => {
    for (const { path, method, operation: op } of operationsOf(document)) {
      const statuses = Object.keys(op.responses);
      const name = `${method.toUpperCase()} ${path}`;
      expect({ name, statuses }).toEqual({
        name,
        statuses: expect.arrayContaining(['400', '500', '503']),
      });
      const requiresToken = (op.security ?? []).some((requirement) => 'bearer' in requirement);
      const tokenOptional = (op.security ?? []).some(
        (requirement) => !Object.keys(requirement).length,
      );
      if (requiresToken && !tokenOptional) {
        expect({ name, statuses }).toEqual({ name, statuses: expect.arrayContaining(['401']) });
      }
      if (op.requestBody) {
        expect({ name, statuses }).toEqual({
          name,
          statuses: expect.arrayContaining(['413', '415']),
        });
      }
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        expect({ name, status, content: (response as ResponseObject).content }).toEqual({
          name,
          status,
          content: { 'application/json': expect.anything() },
        });
      }
    }
    expect(Object.keys(operation('/api/v1/users', 'get').responses)).toEqual(
      expect.arrayContaining(['401', '403']),
    );
    expect(Object.keys(operation('/api/v1/auth/login', 'post').responses)).toEqual(
      expect.arrayContaining(['429']),
    );
  });

  it('states the limits validation enforces, integers as integers', () => {
    expect(property('CreateTransactionDto', 'amountCents')).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 100_000_000_000_000,
    });
    expect(property('CreateBudgetDto', 'limitCents')).toMatchObject({
      type: 'integer',
      maximum: 100_000_000_000_000,
    });
    expect(property('LoginDto', 'email')).toMatchObject({ maxLength: 254 });
    expect(property('LoginDto', 'password')).toMatchObject({ maxLength: 128 });
    expect(property('RegisterDto', 'password')).toMatchObject({ minLength: 8, maxLength: 128 });
    expect(property('RefreshDto', 'refreshToken')).toMatchObject({ maxLength: 512 });
    const page = operation('/api/v1/transactions', 'get').parameters?.find(
      (parameter) => 'name' in parameter && parameter.name === 'page',
    );
    expect(page).toMatchObject({ schema: { type: 'integer', minimum: 1 } });
    expect(JSON.stringify(document)).not.toContain('"required":[]');
  });

  it('documents /metrics as open unless METRICS_TOKEN is set, and export files by type', () => {
    expect(operation('/metrics', 'get').security).toEqual(expect.arrayContaining([{}]));
    const logExport = operation('/api/v1/logging/logs/export', 'post').responses[
      '200'
    ] as ResponseObject;
    expect(Object.keys(logExport.content ?? {}).sort()).toEqual([
      'application/json; charset=utf-8',
      'text/csv; charset=utf-8',
      'text/plain; charset=utf-8',
    ]);
    const auditExport = operation('/api/v1/audit-logs/export', 'get').responses[
      '200'
    ] as ResponseObject;
    expect(Object.keys(auditExport.content ?? {}).sort()).toEqual([
      'application/json; charset=utf-8',
      'text/csv; charset=utf-8',
    ]);
  });
});
