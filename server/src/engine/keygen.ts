import { randomBytes, randomInt } from 'node:crypto';

/**
 * Key generation in the exact formats the products use (SPEC §6), always from
 * `crypto.randomBytes`. Values are returned to the caller only: never logged.
 */
export type KeyFormat = 'base64-32' | 'hex-32' | 'token-urlsafe-32' | 'fernet' | 'password' | 'uuid-v4';

export interface KeyFormatInfo {
  readonly format: KeyFormat;
  readonly label: string;
  /** The command users know for it. */
  readonly equivalent: string;
}

export const KEY_FORMATS: readonly KeyFormatInfo[] = [
  { format: 'base64-32', label: 'Base64, 32 bytes', equivalent: 'openssl rand -base64 32' },
  { format: 'hex-32', label: 'Hex, 32 bytes', equivalent: 'openssl rand -hex 32' },
  { format: 'token-urlsafe-32', label: 'URL-safe token, 32 bytes', equivalent: 'python -c "import secrets; print(secrets.token_urlsafe(32))"' },
  { format: 'fernet', label: 'Fernet key', equivalent: 'python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"' },
  { format: 'password', label: 'Strong password (20 characters)', equivalent: 'upper, lower, digit and symbol' },
  { format: 'uuid-v4', label: 'UUID v4', equivalent: 'uuidgen' },
];

const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
/** Symbols that need no quoting in `.env`, YAML or shells: no `#`, `$`, quotes, spaces or backslash. */
const SYMBOLS = '-_.,:+=@%^~';

export function generateKey(format: KeyFormat): string {
  switch (format) {
    case 'base64-32':
      return randomBytes(32).toString('base64');
    case 'hex-32':
      return randomBytes(32).toString('hex');
    case 'token-urlsafe-32':
      // Python's token_urlsafe: URL-safe base64 without padding.
      return randomBytes(32).toString('base64url');
    case 'fernet':
      // Fernet.generate_key(): URL-safe base64 of 32 bytes, with padding (44 characters).
      return base64UrlWithPadding(randomBytes(32));
    case 'password':
      return strongPassword(20);
    case 'uuid-v4':
      return uuidV4();
  }
}

/** A password with at least one lower, upper, digit and symbol, shuffled uniformly. */
export function strongPassword(length: number): string {
  const all = LOWER + UPPER + DIGITS + SYMBOLS;
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/** True when `value` is a Fernet key: URL-safe base64 that decodes to exactly 32 bytes. */
export function isFernetKey(value: string): boolean {
  if (!/^[A-Za-z0-9_-]{43}=$/.test(value)) return false;
  return Buffer.from(value, 'base64url').length === 32;
}

function base64UrlWithPadding(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

function uuidV4(): string {
  const bytes = randomBytes(16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)]!;
}
