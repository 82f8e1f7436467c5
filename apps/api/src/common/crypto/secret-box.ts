import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppConfig } from '../../config/app-config';

const PREFIX = 'enc:';
const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A stored secret that cannot be read back: no key, another key, or an altered value. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/** SECRETS_ENCRYPTION_KEY as bytes: 64 hex digits or base64 of 32 bytes. */
export function encryptionKeyOf(setting: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(setting)
    ? Buffer.from(setting, 'hex')
    : Buffer.from(setting, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new SecretBoxError('SECRETS_ENCRYPTION_KEY must be 32 bytes as 64 hex digits or base64');
  }
  return key;
}

/**
 * Decodes one base64url part, accepting only its one canonical spelling: Node's decoder skips
 * unknown characters and ignores the spare bits of the last one, so an altered character could
 * otherwise decode to the same bytes.
 */
function partOf(text: string, expectedBytes?: number): Buffer {
  const bytes = Buffer.from(text, 'base64url');
  if (
    !/^[A-Za-z0-9_-]*$/.test(text) ||
    bytes.toString('base64url') !== text ||
    (expectedBytes !== undefined && bytes.length !== expectedBytes)
  ) {
    throw new SecretBoxError('A stored secret is malformed: it was altered or cut short');
  }
  return bytes;
}

/**
 * Encrypts secrets at rest (contact points' signing secrets) with AES-256-GCM under
 * SECRETS_ENCRYPTION_KEY, as `enc:v1:<iv>:<tag>:<ciphertext>` (base64url parts, a random IV each
 * time). Without a key, secrets are stored as entered; values stored before a key was set are
 * still read as they are, so setting a key later needs no migration.
 */
@Injectable()
export class SecretBox {
  private readonly key?: Buffer;

  constructor(config: AppConfig) {
    if (config.SECRETS_ENCRYPTION_KEY) this.key = encryptionKeyOf(config.SECRETS_ENCRYPTION_KEY);
  }

  /** Whether secrets are encrypted (a key is set). */
  get encrypted(): boolean {
    return this.key !== undefined;
  }

  seal(plain: string): string {
    if (!this.key) {
      // Stored as is, it would read back as an encrypted value.
      if (plain.startsWith(PREFIX)) {
        throw new SecretBoxError(
          `A secret starting with "${PREFIX}" can only be stored with SECRETS_ENCRYPTION_KEY set`,
        );
      }
      return plain;
    }
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [PREFIX + VERSION, iv, tag, ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join(':');
  }

  open(stored: string): string {
    if (!stored.startsWith(PREFIX)) return stored;
    const parts = stored.slice(PREFIX.length).split(':');
    if (parts.length !== 4 || parts[0] !== VERSION) {
      throw new SecretBoxError('A stored secret has an unknown format');
    }
    if (!this.key) {
      throw new SecretBoxError(
        'A stored secret is encrypted, but SECRETS_ENCRYPTION_KEY is not set',
      );
    }
    const iv = partOf(parts[1], IV_BYTES);
    const tag = partOf(parts[2], TAG_BYTES);
    const ciphertext = partOf(parts[3]);
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError(
        'A stored secret cannot be decrypted: SECRETS_ENCRYPTION_KEY is not the key it was encrypted with, or the value was altered',
      );
    }
  }
}
