import { ApiError } from './api-error';
import { type FormFields, refusalOf } from './field-errors';

type Name = 'name' | 'email' | 'limit' | 'thresholds';
const FIELDS: FormFields<Name> = {
  name: { label: 'Your name', api: 'displayName' },
  email: { label: 'Email' },
  limit: { label: 'Limit', api: 'limitCents' },
  thresholds: { label: 'Alert thresholds (%)', api: 'alertThresholds' },
};

const refused = (details: Record<string, string[]>, message = 'Validation failed') =>
  new ApiError(400, { message, details, traceId: 'a'.repeat(32) }, 'Bad Request');

describe('refusalOf', () => {
  it("puts each API field's first message beside the form field, in the field's words", () => {
    const refusal = refusalOf(
      refused({
        displayName: ['displayName is required'],
        email: ['email must be a valid email address', 'email must be shorter'],
        limitCents: ['limitCents must be positive'],
      }),
      FIELDS,
    );
    expect(refusal.fields).toEqual({
      name: 'Your name is required',
      email: 'Email must be a valid email address',
      limit: 'Limit must be positive',
    });
    expect(refusal.form).toBe('Check the highlighted fields.');
  });

  it("gathers an API field's inner messages (one per list entry) and drops a label's aside", () => {
    const refusal = refusalOf(
      refused({ 'alertThresholds.1': ['alertThresholds must hold whole percentages'] }),
      FIELDS,
    );
    expect(refusal.fields).toEqual({ thresholds: 'Alert thresholds must hold whole percentages' });
  });

  it("words a nested field's message, which names the field by its own name", () => {
    const refusal = refusalOf(
      refused({ 'notification.groupWaitSeconds': ['groupWaitSeconds must not be less than 0'] }),
      { groupWait: { label: 'Group wait', api: 'notification.groupWaitSeconds' } },
    );
    expect(refusal.fields).toEqual({ groupWait: 'Group wait must not be less than 0' });
  });

  it('names the other fields of a message in words as well', () => {
    const refusal = refusalOf(
      refused({ limitCents: ['limitCents must not exceed displayName'] }),
      FIELDS,
    );
    expect(refusal.fields.limit).toBe('Limit must not exceed your name');
  });

  it('says in the form what no field shows, without API field names', () => {
    const refusal = refusalOf(
      refused({ maxAmountCents: ['maxAmountCents must be positive'], email: ['email is taken'] }),
      FIELDS,
    );
    expect(refusal.fields).toEqual({ email: 'Email is taken' });
    expect(refusal.others).toEqual(['Max amount must be positive.']);
    expect(refusal.form).toBe('Check the highlighted fields. Max amount must be positive.');
  });

  it("keeps the API's own message when no field is named", () => {
    const refusal = refusalOf(
      new ApiError(404, { message: 'Category not found' }, 'Not Found'),
      FIELDS,
    );
    expect(refusal).toEqual({ fields: {}, others: [], form: 'Category not found' });
  });

  it("words the API's own message after the form's fields too", () => {
    const refusal = refusalOf(
      new ApiError(422, { message: 'limitCents must not exceed maxAmountCents' }, 'Unprocessable'),
      FIELDS,
    );
    expect(refusal.form).toBe('Limit must not exceed max amount');
  });

  it('explains a network failure', () => {
    expect(refusalOf(new TypeError('Failed to fetch'), FIELDS).form).toBe(
      'The server could not be reached. Check your connection.',
    );
  });
});
