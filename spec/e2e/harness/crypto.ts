import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

/**
 * The elastic.io message cipher, written out independently of the sailor's lib/cipher.js so the tests check
 * the wire format rather than re-use the code under test: AES-256-CBC, key = SHA-256(password as UTF-8),
 * IV = the configured 16-character string, PKCS#7 padding.
 * Protocol version 1 (the default) carries the base64 *text* of the ciphertext; version 2 the raw bytes.
 */
export interface CipherSettings {
  password: string;
  iv: string;
}

export function encryptMessage(message: unknown, { password, iv }: CipherSettings, protocolVersion = 1): Buffer {
  const key = createHash('sha256').update(password, 'utf8').digest();
  const cipher = createCipheriv('aes-256-cbc', key, Buffer.from(iv, 'utf8'));
  const bytes = Buffer.concat([cipher.update(JSON.stringify(message), 'utf8'), cipher.final()]);
  return protocolVersion >= 2 ? bytes : Buffer.from(bytes.toString('base64'), 'utf8');
}

export function decryptMessage(content: Buffer | string, { password, iv }: CipherSettings, protocolVersion = 1): unknown {
  const key = createHash('sha256').update(password, 'utf8').digest();
  const decipher = createDecipheriv('aes-256-cbc', key, Buffer.from(iv, 'utf8'));
  const bytes =
    protocolVersion >= 2 && Buffer.isBuffer(content) ? content : Buffer.from(content.toString('utf8'), 'base64');
  const text = Buffer.concat([decipher.update(bytes), decipher.final()]).toString('utf8');
  return JSON.parse(text) as unknown;
}

/** Random credentials per run: a fixed password would make a decryption bug look like success. */
export function randomCipherSettings(): CipherSettings {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const pick = (n: number): string =>
    Array.from({ length: n }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
  return { password: `pw-${pick(24)}`, iv: pick(16) };
}
