import { LogSource } from '@ledgerlens/contracts';
import { createHash } from 'node:crypto';
import { messageTemplateOf } from '../../../common/text/message-template';
import { describeFrame, parseStack, StackFrame } from './stack-frames';

/** In-app frames, from the innermost, that take part in the fingerprint. */
export const FINGERPRINT_FRAMES = 3;
/** An override element standing for the computed fingerprint, as in `['{{ default }}', 'tenant-a']`. */
export const DEFAULT_FINGERPRINT_PART = '{{ default }}';

const OVERRIDE_PARTS = 10;
const OVERRIDE_PART_LENGTH = 200;
const TITLE_LENGTH = 600;
const TYPE_LENGTH = 255;
/** Bumped if the rules change, so old and new fingerprints never collide by accident. */
const RULES_VERSION = 'v1';

export interface GroupingInput {
  source: LogSource;
  type: string;
  /** Already redacted: the title is made from it. */
  message: string;
  stack?: string | null;
  /** The caller's own fingerprint (one string or several parts). */
  override?: string | readonly string[];
}

export interface Grouping {
  /** SHA-256 (hex) of the parts below. */
  fingerprint: string;
  type: string;
  /** `Type: message template`. */
  title: string;
  /** The innermost in-app frame, e.g. `TransactionsService.create (apps/api/src/…/transactions.service.ts)`. */
  culprit: string | null;
  /** The in-app frames the fingerprint used. */
  frames: StackFrame[];
}

function cut(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function overrideParts(override: string | readonly string[] | undefined): string[] | undefined {
  const parts = (typeof override === 'string' ? [override] : (override ?? []))
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .slice(0, OVERRIDE_PARTS)
    .map((part) => part.trim().slice(0, OVERRIDE_PART_LENGTH));
  return parts.length > 0 ? parts : undefined;
}

const isDefaultPart = (part: string) => part.replace(/\s+/g, '') === '{{default}}';

/**
 * What makes two occurrences the same problem: where they come from (backend or browser), the
 * type, the message with its parameters stripped (`messageTemplateOf`), and the innermost
 * FINGERPRINT_FRAMES in-app frames (function and normalised file: no line, column, build hash or
 * absolute prefix; dependency and runtime frames left out). A caller's override replaces all
 * but the source; an override part `{{ default }}` stands for the computed parts.
 */
export function groupingOf(input: GroupingInput): Grouping {
  const type = cut(input.type.trim() || 'Error', TYPE_LENGTH);
  const template = messageTemplateOf(input.message);
  const frames = parseStack(input.stack)
    .filter((frame) => frame.inApp)
    .slice(0, FINGERPRINT_FRAMES);
  const computed = [
    type,
    template,
    ...frames.map((frame) => `${frame.function ?? ''}@${frame.file}`),
  ];
  const override = overrideParts(input.override);
  const parts = override
    ? ['override', ...override.flatMap((part) => (isDefaultPart(part) ? computed : [part]))]
    : computed;
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([RULES_VERSION, input.source, ...parts]))
    .digest('hex');
  return {
    fingerprint,
    type,
    title: cut(template ? `${type}: ${template}` : type, TITLE_LENGTH),
    culprit: frames[0] ? cut(describeFrame(frames[0]), TITLE_LENGTH) : null,
    frames,
  };
}
