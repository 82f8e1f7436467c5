import type { Redactor } from '@ledgerlens/redaction';

/**
 * Injection token of the API's one redactor (built-in rules plus configuration): everything
 * stored or logged passes through it. Provided by `AppModule`.
 */
export abstract class AppRedactor implements Redactor {
  abstract redact<T>(value: T): T;
  abstract redactText(text: string): string;
  abstract isSensitiveKey(key: string): boolean;
}
