import fc from 'fast-check';
import { SMS_SEGMENT, smsText } from './sms-text';
import { firingMessage, instance, resolvedMessage, testMessage } from './testing/alert-messages';

/** A link too long to fit beside any text, so the texts below are shown alone. */
const NO_ROOM = { ruleUrl: `https://ledgerlens.example.com/${'x'.repeat(SMS_SEGMENT)}` };

describe('smsText', () => {
  it('says what fires, how many and the worst value against the threshold', () => {
    expect(smsText(firingMessage(NO_ROOM))).toBe(
      'FIRING: High p95 latency critical 2 instances, 350 > 200 ms',
    );
  });

  it('adds the rule link only when it fits in one SMS', () => {
    const message = firingMessage();
    expect(smsText(message)).toBe(
      `FIRING: High p95 latency critical 2 instances, 350 > 200 ms ${message.ruleUrl}`,
    );
    expect(smsText(message).length).toBeLessThanOrEqual(SMS_SEGMENT);
    expect(smsText(firingMessage(NO_ROOM))).not.toContain('https://');
  });

  it('says resolved and test in words', () => {
    expect(smsText(resolvedMessage(NO_ROOM))).toBe(
      'RESOLVED: High p95 latency critical, 2 instances back to normal',
    );
    expect(smsText(testMessage(NO_ROOM))).toBe(
      'TEST: High p95 latency critical, a test notification from Ledgerlens',
    );
  });

  it('shows units other than ms on both sides, and no data as such', () => {
    const message = firingMessage({ ...NO_ROOM, firing: [instance('/a', 0.125)] });
    message.rule = { ...message.rule, metricType: 'error_rate', operator: '>=', threshold: 0.05 };
    expect(smsText(message)).toBe('FIRING: High p95 latency critical 1 instance, 12.5% >= 5%');
    expect(smsText(firingMessage({ ...NO_ROOM, firing: [instance('/a', null)] }))).toBe(
      'FIRING: High p95 latency critical 1 instance, no data (> 200 ms)',
    );
  });

  it('shortens a long rule name to stay within one SMS, on one line', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 400 }), fc.boolean(), (name, room) => {
        const message = firingMessage(room ? {} : NO_ROOM);
        message.rule = { ...message.rule, name };
        const text = smsText(message);
        expect(text.length).toBeLessThanOrEqual(SMS_SEGMENT);
        expect(text).not.toMatch(/[\r\n]/);
        expect(text).toMatch(/^FIRING: .*critical 2 instances, 350 > 200 ms( https:\S+)?$/s);
      }),
    );
  });
});
