import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Alertmanager's webhook body, version 4, as its documentation describes it: written apart
 * from our own types so that tests check our body against the format rather than itself.
 */
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };

const ALERTMANAGER_V4 = {
  type: 'object',
  required: [
    'version',
    'groupKey',
    'truncatedAlerts',
    'status',
    'receiver',
    'groupLabels',
    'commonLabels',
    'commonAnnotations',
    'externalURL',
    'alerts',
  ],
  properties: {
    version: { const: '4' },
    groupKey: { type: 'string', minLength: 1 },
    truncatedAlerts: { type: 'integer', minimum: 0 },
    status: { enum: ['firing', 'resolved'] },
    receiver: { type: 'string', minLength: 1 },
    groupLabels: stringMap,
    commonLabels: stringMap,
    commonAnnotations: stringMap,
    externalURL: { type: 'string', format: 'uri' },
    alerts: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'status',
          'labels',
          'annotations',
          'startsAt',
          'endsAt',
          'generatorURL',
          'fingerprint',
        ],
        properties: {
          status: { enum: ['firing', 'resolved'] },
          labels: { ...stringMap, required: ['alertname'] },
          annotations: stringMap,
          startsAt: { type: 'string', format: 'date-time' },
          endsAt: { type: 'string', format: 'date-time' },
          generatorURL: { type: 'string', format: 'uri' },
          fingerprint: { type: 'string', pattern: '^[0-9a-f]{16}$' },
        },
      },
    },
  },
};

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(ALERTMANAGER_V4);

/** The schema's complaints about `body`; empty when it is a valid version 4 body. */
export function alertmanagerV4Problems(body: unknown): string[] {
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}
