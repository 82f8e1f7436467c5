import { createRedactor } from './redactor';
import type { Redactor } from './types';

export { REDACTED } from './markers';
export { createRedactor } from './redactor';
export type { RedactionOptions, RedactionPattern, Redactor } from './types';

/** The redactor with the built-in rules only. */
export const redactor: Redactor = createRedactor();
