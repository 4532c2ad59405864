import type { ProductDefinition, SettingSpec } from '../../../../../schemas/types';
import type { KeyFormat } from '../../keygen';
import type { Mode } from '../../types';
import { lowerCasedSet } from '../../text';

/*
 * How secret values are judged: known placeholders, and the product's format (a Fernet key,
 * a minimum length, AgentIM's password complexity), then entropy. Every function returns words
 * about the value, never the value itself, so messages cannot leak it.
 */

/** Placeholders the guides and products publish, matched case-insensitively. */
export const KNOWN_PLACEHOLDERS: readonly string[] = [
  'changeme',
  'change-me',
  'change_me',
  'changeit',
  'dev-secret-change-me',
  'your-client-secret',
  'your-client-secret-here',
  '<prod-secret>',
  '<secret>',
  'strong_password_here',
  'strong_password',
  'strong_generated_password',
  'your-generated-256-bit-key',
  'YourStrongPassword123',
  'YourSecurePassword123!',
  'NewStrongPassword123!',
  'NewPassword123!',
  'your_password',
  'your-password',
  'your_redis_password',
  'mysecretpassword',
  'postgres',
  'root',
  'guest',
  'password',
  'secret',
  'admin',
  'test',
  'example',
  'todo',
  'xxx',
];

/** Shapes of placeholders: `<your-key>`, `your-…`, `…change-me…`, `flovyn_sk_...`. */
const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /^<[^<>]*>$/,
  /^\[[^[\]]*\]$/,
  /^\{\{.*\}\}$/,
  /^your[-_ ]/i,
  /change[-_ ]?(me|it|this)|replace[-_ ]?(me|this)|change[-_]in[-_]production|generate[-_]a[-_]real/i,
  /(\.\.\.|\u2026)$/,
  /^(x+|\*+|\.+|-+)$/i,
  /^(todo|tbd|fixme|placeholder|dummy|sample|example)([-_].*)?$/i,
];

export type PlaceholderOrigin = 'default' | 'product' | 'known' | 'shape';

/** Where a placeholder comes from, or undefined when the value is not one. */
export function placeholderOrigin(value: string, spec: SettingSpec | undefined, product: ProductDefinition | undefined): PlaceholderOrigin | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const lower = text.toLowerCase();
  if (spec?.default !== undefined && spec.default !== '' && text === spec.default) return 'default';
  if ((spec?.placeholders && lowerCasedSet(spec.placeholders).has(lower)) || (product?.placeholders && lowerCasedSet(product.placeholders).has(lower))) return 'product';
  if (lowerCasedSet(KNOWN_PLACEHOLDERS).has(lower)) return 'known';
  if (PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(text))) return 'shape';
  return undefined;
}

/** Words for a placeholder's origin, for messages. */
export function describeOrigin(origin: PlaceholderOrigin, product: ProductDefinition | undefined): string {
  const name = product?.name ?? 'the product';
  switch (origin) {
    case 'default':
      return `${name}'s own built-in default`;
    case 'product':
      return `an example value published in ${name}'s guide or example files`;
    case 'known':
      return 'a well-known placeholder';
    case 'shape':
      return 'a placeholder';
  }
}

const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|PASSPHRASE|TOKEN|CREDENTIAL|API_?KEY|PRIVATE_?KEY|(^|_)KEY$)/i;
/**
 * Names that mention a secret but hold something else: where the secret is (a file, a URL), how
 * long or large it is, how it is used, who it belongs to. An access key (`AWS_ACCESS_KEY`,
 * `MINIO_ACCESS_KEY`) is the public half of a pair, like a user name; its secret key is not.
 */
const NOT_A_SECRET =
  /(_FILE|_PATH|_DIR|_URL|_URI|_HOST|_PORT|_ID|_NAME|_USER|_USERNAME|_ENABLED|_TYPE|_ENV|_PREFIX|_HEADER|_ALGORITHM|_ALG|_ISSUER|_AUDIENCE|_CLAIM|_REGION|_ARN|_PROVIDER|_EXPIRY|_EXPIRES?(_IN)?|_EXPIRATION|_LIFETIME|_TTL|_TIMEOUT|_INTERVAL|_MINUTES|_SECONDS|_HOURS|_DAYS|_LIMIT|_SIZE|_COUNT|_LENGTH|_LEN|_MIN|_MAX|(?<!SECRET_)ACCESS_KEY)$|^MAX_|_TOKENS$|TOKEN_(CLEANUP|EXPIRY|TTL|LIFETIME)/i;

/**
 * True for keys named like secrets (`*SECRET*`, `*PASSWORD*`, `*_KEY`, `*TOKEN*`) but not their
 * settings (`*_TOKEN_TTL`): the secret rules judge their values, and security/inline-credential
 * reports them written literally in a committed file.
 */
export function isSecretLikeKey(key: string): boolean {
  return SECRET_NAME.test(key) && !NOT_A_SECRET.test(key);
}

/** The key format a fix generates for a secret: the spec's, or a password/hex key by name. */
export function formatFor(key: string, spec: SettingSpec | undefined): KeyFormat {
  if (spec?.secret) return spec.secret.format;
  return PASSWORD_NAME.test(key) ? 'password' : 'hex-32';
}

const PASSWORD_NAME = /PASSWORD|PASSWD|PASSPHRASE/i;
const ONE_CHARACTER_REPEATED = /^(.)\1*$/s;

const FORMAT_NOUNS: Record<KeyFormat, string> = {
  'base64-32': 'base64 key (32 bytes)',
  'hex-32': 'hex key (32 bytes)',
  'token-urlsafe-32': 'URL-safe token (32 bytes)',
  fernet: 'Fernet key',
  password: 'strong password',
  'uuid-v4': 'UUID',
};

/** The format as a noun for fix titles (`a generated Fernet key`). */
export function formatLabel(format: KeyFormat): string {
  return FORMAT_NOUNS[format];
}

export interface Weakness {
  /** What is wrong, without the value (`is not a valid Fernet key: …`). */
  readonly reason: string;
  /** True when the product refuses to start on it (in this mode). */
  readonly refusesStart: boolean;
}

/**
 * What makes a secret value weak for `spec` in `mode`, or undefined. Without a spec (a key only
 * named like a secret), only generic weaknesses count: too short, one character, low entropy.
 */
export function weaknessOf(value: string, spec: SettingSpec | undefined, mode: Mode, key: string): Weakness | undefined {
  const secret = spec?.secret;
  if (secret?.fernet) {
    const problem = fernetProblem(value);
    if (problem) return { reason: problem, refusesStart: false };
    return undefined;
  }
  const minimum = mode === 'production' ? secret?.minLength : (secret?.minLengthDevelopment ?? undefined);
  if (minimum !== undefined && value.length < minimum) {
    return { reason: `is shorter than ${minimum} characters`, refusesStart: mode === 'production' && (secret?.weakRefusesStart ?? false) };
  }
  if (secret?.complexity && mode === 'production') {
    const missing = missingClasses(value);
    if (missing.length > 0) return { reason: `has no ${missing.join(', no ')} (it needs a lowercase letter, an uppercase letter, a digit and a symbol)`, refusesStart: secret.weakRefusesStart ?? false };
  }
  if (ONE_CHARACTER_REPEATED.test(value)) return { reason: 'is one character repeated', refusesStart: false };
  if (isSequential(value)) return { reason: 'is a run of consecutive characters', refusesStart: false };
  if (!secret) {
    const genericMinimum = PASSWORD_NAME.test(key) ? 8 : 16;
    if (value.length < genericMinimum) return { reason: `is shorter than ${genericMinimum} characters`, refusesStart: false };
  }
  if (value.length >= 8 && hasLowEntropy(value)) {
    return { reason: 'has very low entropy (few distinct characters)', refusesStart: false };
  }
  return undefined;
}

/**
 * Why Fernet would reject a key, as Python's `Fernet(key)` decides: `urlsafe_b64decode`
 * (which also accepts the standard alphabet and discards other characters) must give 32 bytes.
 */
export function fernetProblem(value: string): string | undefined {
  const expected = 'a Fernet key is URL-safe base64 of exactly 32 bytes (44 characters ending in `=`)';
  const alphabet = value.replace(/-/g, '+').replace(/_/g, '/').replace(/[^A-Za-z0-9+/=]/g, '');
  if (/^[A-Za-z0-9_-]{43}$/.test(value.trim())) {
    return `is not a valid Fernet key: it has 43 characters and no \`=\` padding, the output of \`secrets.token_urlsafe(32)\`, which Fernet always rejects; ${expected}`;
  }
  const padded = /^[A-Za-z0-9+/]*={0,2}$/.test(alphabet) && alphabet.length % 4 === 0;
  if (!padded || Buffer.from(alphabet, 'base64').length !== 32) return `is not a valid Fernet key: ${expected}`;
  return undefined;
}

function missingClasses(value: string): string[] {
  const missing: string[] = [];
  if (!/[a-z]/.test(value)) missing.push('lowercase letter');
  if (!/[A-Z]/.test(value)) missing.push('uppercase letter');
  if (!/[0-9]/.test(value)) missing.push('digit');
  if (!/[^a-zA-Z0-9]/.test(value)) missing.push('symbol');
  return missing;
}

/**
 * Three or fewer distinct characters, or under 2 bits of Shannon entropy per character (by code
 * point, over the UTF-16 length). Secrets are judged on every keystroke, thousands in a large
 * file: ASCII ones, nearly all, are counted in a table kept between calls, with no allocation.
 */
function hasLowEntropy(value: string): boolean {
  let distinct = 0;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code >= 128) {
      for (let seen = 0; seen < distinct; seen++) asciiCounts[asciiFirstSeen[seen]!] = 0;
      return hasLowEntropyByCodePoint(value);
    }
    if (asciiCounts[code]++ === 0) asciiFirstSeen[distinct++] = code;
  }
  // Summed in order of first appearance, as a map of the counts would be.
  let bits = 0;
  for (let seen = 0; seen < distinct; seen++) {
    const code = asciiFirstSeen[seen]!;
    const p = asciiCounts[code]! / value.length;
    bits -= p * Math.log2(p);
    asciiCounts[code] = 0;
  }
  return distinct <= 3 || bits < 2;
}

const asciiCounts = new Uint32Array(128);
const asciiFirstSeen = new Uint8Array(128);

function hasLowEntropyByCodePoint(value: string): boolean {
  const counts = new Map<number, number>();
  for (let index = 0; index < value.length; index++) {
    const code = value.codePointAt(index)!;
    if (code > 0xffff) index++;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  if (counts.size <= 3) return true;
  let bits = 0;
  for (const count of counts.values()) {
    // Over the UTF-16 length: a character outside the BMP weighs as two.
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits < 2;
}

/** `123456789`, `abcdefgh`, `987654`: each character one step from the previous. */
function isSequential(value: string): boolean {
  if (value.length < 6) return false;
  const step = value.charCodeAt(1) - value.charCodeAt(0);
  if (Math.abs(step) !== 1) return false;
  for (let i = 2; i < value.length; i++) if (value.charCodeAt(i) - value.charCodeAt(i - 1) !== step) return false;
  return true;
}
