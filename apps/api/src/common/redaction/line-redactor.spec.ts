import { createRedactor } from '@ledgerlens/redaction';
import { LineRedactor } from './line-redactor';

describe('LineRedactor', () => {
  const lines = new LineRedactor(createRedactor());

  it('redacts a JSON line by key and by value, keeping it one line', () => {
    const line = `${JSON.stringify({ msg: 'card 4111 1111 1111 1111', password: 'x', n: 1 })}\n`;
    const redacted = lines.redactLine(line);
    expect(JSON.parse(redacted)).toEqual({
      msg: 'card [REDACTED:card]',
      password: '[REDACTED]',
      n: 1,
    });
    expect(redacted.endsWith('\n')).toBe(true);
    expect(redacted.indexOf('\n')).toBe(redacted.length - 1);
  });

  it('hands over the object of the line it just wrote, and parses any other line', () => {
    const written = lines.redactLine('{"msg":"hello"}\n');
    const remembered = lines.parse(written);
    expect(remembered).toEqual({ msg: 'hello' });
    expect(lines.parse(written)).toBe(remembered);
    expect(lines.parse('{"msg":"other"}\n')).toEqual({ msg: 'other' });
    expect(lines.parse('not json')).toBeUndefined();
  });

  it('redacts text that is not JSON as text, and remembers nothing for it', () => {
    const written = lines.redactLine('token=abc123 plain text');
    expect(written).toBe('token=[REDACTED] plain text');
    expect(lines.parse(written)).toBeUndefined();
  });
});
