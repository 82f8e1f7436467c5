import type { Redactor } from '@ledgerlens/redaction';

/**
 * Redacts serialised log lines (pino's `streamWrite` hook) and remembers the object of the line
 * it wrote last, so a destination that needs the line as an object (the log store) gets it
 * without parsing the line a second time: pino hands the line to every destination right after
 * the hook, synchronously.
 */
export class LineRedactor {
  private last?: { text: string; value: Record<string, unknown> };

  constructor(private readonly redactor: Redactor) {}

  /** The line with every secret removed; text that is not JSON is redacted as text. */
  readonly redactLine = (line: string): string => {
    this.last = undefined;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return this.redactor.redactText(line);
    }
    const redacted = this.redactor.redact(value);
    const text = `${JSON.stringify(redacted)}\n`;
    if (typeof redacted === 'object' && redacted !== null) {
      this.last = { text, value: redacted as Record<string, unknown> };
    }
    return text;
  };

  /** The object of a line: the remembered one when it is the line just written, else parsed. */
  parse(line: string): Record<string, unknown> | undefined {
    if (this.last?.text === line) return this.last.value;
    try {
      const value: unknown = JSON.parse(line);
      return typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)
        : undefined;
    } catch {
      return undefined;
    }
  }
}
