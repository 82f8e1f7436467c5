import { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import request, { type Response, type Test } from 'supertest';
import { buildOpenApiDocument } from '../../src/app/configure-app';
import { ObservedResponse, OpenApiResponseValidator } from './openapi-response-validator';

type Agent = ReturnType<typeof request>;
type Done = (error: Error | null, response: Response) => void;
type Assert = (error: Error | null, response: Response | undefined, done?: Done) => void;

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options']);

function observed(response: Response): ObservedResponse {
  const { method, url } = response.request as unknown as { method: string; url: string };
  const text = typeof response.text === 'string' ? response.text : '';
  const contentType = response.headers['content-type'] as string | undefined;
  const body: unknown = response.body;
  return {
    method,
    path: new URL(url).pathname,
    status: response.status,
    contentType,
    body: /json/i.test(contentType ?? '') && text.length > 0 ? body : text,
    hasBody: text.length > 0 || (Buffer.isBuffer(body) && body.length > 0),
  };
}

export interface ContractCheckedHttp {
  http: Agent;
  /** How many answers were checked against the document so far. */
  checked(): number;
}

/**
 * `request(app.getHttpServer())` whose every answer is also checked against the app's OpenAPI
 * document (what `/api/docs-json` serves), after the test's own expectations passed: an
 * undocumented status, content type or body fails the request with a message naming the route,
 * the status and the schema error.
 */
export function contractCheckedHttp(app: INestApplication): ContractCheckedHttp {
  let validator: OpenApiResponseValidator | undefined;
  // Built on first use, from the same function the served document comes from.
  const validatorOf = () => (validator ??= new OpenApiResponseValidator(buildOpenApiDocument(app)));
  const checkAfterOwnExpectations = (test: Test) => {
    const target = test as unknown as { assert: Assert };
    const assert = target.assert.bind(test);
    target.assert = (error, response, done) =>
      assert(error, response, (ownError, res) => {
        const problem = !ownError && res ? validatorOf().problemWith(observed(res)) : undefined;
        done?.(ownError ?? (problem ? new Error(`OpenAPI contract: ${problem}`) : null), res);
      });
  };
  const agent = request(app.getHttpServer() as Server);
  const http = new Proxy(agent, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !METHODS.has(property) || typeof value !== 'function') {
        return value;
      }
      return (...args: unknown[]) => {
        const test = (value as (...methodArgs: unknown[]) => Test).apply(target, args);
        checkAfterOwnExpectations(test);
        return test;
      };
    },
  });
  return { http, checked: () => validator?.checked ?? 0 };
}
