import { Injectable, PipeTransform } from '@nestjs/common';
import Ajv from 'ajv';
import { FieldErrors } from '../../common/errors/domain-errors';
import { validBySchema } from '../../common/http/schema-errors';

/** Calls one request may ask for: the W3C suite asks for a few; the bound keeps a request short. */
export const MAX_CONFORMANCE_CALLS = 100;

/** One instruction of the W3C test harness: POST `arguments` (any JSON) to `url`. */
export interface ConformanceCall {
  url: string;
  arguments: unknown;
}

/** The body of the conformance route, as the W3C Trace Context test harness sends it. */
export const CONFORMANCE_CALLS_SCHEMA = {
  type: 'array',
  maxItems: MAX_CONFORMANCE_CALLS,
  description: 'Calls to make, in order',
  items: {
    type: 'object',
    required: ['url', 'arguments'],
    additionalProperties: false,
    properties: {
      url: { type: 'string', maxLength: 2048, pattern: '^https?://', description: 'Where to POST' },
      arguments: { description: 'Any JSON, sent as the body of the call' },
    },
  },
} as const;

const validateCalls = new Ajv({ allErrors: true }).compile<ConformanceCall[]>(
  CONFORMANCE_CALLS_SCHEMA,
);

/** What the schema cannot say: each url must be an absolute http(s) URL. */
function urlErrors(calls: ConformanceCall[]): FieldErrors {
  const details: FieldErrors = {};
  calls.forEach(({ url }, index) => {
    if (!URL.canParse(url) || !['http:', 'https:'].includes(new URL(url).protocol)) {
      details[`${index}.url`] = ['url must be an absolute http or https URL'];
    }
  });
  return details;
}

/** Validates the conformance route's body: 400 with every field's messages. */
@Injectable()
export class ConformanceCallsPipe implements PipeTransform<unknown, ConformanceCall[]> {
  transform(body: unknown): ConformanceCall[] {
    return validBySchema(validateCalls, body, urlErrors);
  }
}
