import type { z } from 'zod';
import type { KeyFormat } from '../server/src/engine/keygen';
import type { Mode, ProductId } from '../server/src/engine/types';

/**
 * How a file is recognised as a product's when no directive comment or setting says so.
 * Detection reads these; a new product declares them and needs no engine change.
 */
export interface ProductDetection {
  /** Env key prefixes only this product uses (`FLYDESK_`). One such key identifies the product. */
  readonly envPrefixes?: readonly string[];
  /** Keys that together identify the product: `minSignatureKeys` of them must be present. */
  readonly signatureKeys?: readonly string[];
  readonly minSignatureKeys?: number;
  /** Substrings of a compose service's `image:` (`ghcr.io/flovyn/flovyn-server`). */
  readonly images?: readonly string[];
  /**
   * Substrings of the images of the product's auxiliary services (a worker, a web frontend):
   * they read only some of its settings, so what they set is checked but nothing is required of them.
   */
  readonly companionImages?: readonly string[];
  /** TOML key paths (dotted) whose presence identifies the product's config file. */
  readonly tomlKeys?: readonly string[];
  /** Globs of file paths that are the product's whatever they contain (a `.flovyn/credentials` glob). */
  readonly paths?: readonly string[];
  /**
   * Substrings (any case) of an nginx `upstream` name or `proxy_pass` host that name the product's
   * backend (`flydesk_backend`, `http://agentim:3000`). A location path alone (`/api/`) is not
   * enough: half the proxies in the world have one.
   */
  readonly nginxBackends?: readonly string[];
}

/**
 * What a value is, as the product parses it. Each type has one validator in `schemas/values.ts`;
 * a setting narrows it with `enum`, `min`/`max`, `schemes`, `absolutePath`, `pattern` or `validate`.
 */
export type SettingType =
  | 'string'
  | 'boolean'
  | 'integer'
  | 'number'
  | 'port'
  | 'url'
  | 'path'
  | 'enum'
  /** A JSON array (`["https://a.example"]`), as pydantic-settings parses list fields. */
  | 'json-list'
  /** A JSON object (`{"openai:gpt-4o": ["…"]}`). */
  | 'json-object'
  /** A comma-separated list (`https://a.example,https://b.example`). */
  | 'comma-list'
  /** A TOML array. */
  | 'list'
  /** A TOML table (a section whose keys are described by other settings). */
  | 'table'
  /** `15m`, `7d`, `60s` (jose / humantime units). */
  | 'duration'
  /** A size with an optional unit (`10M`, `12MB`). */
  | 'size'
  | 'uuid'
  | 'slug'
  | 'host'
  /** `host:port` (Rust `SocketAddr`). */
  | 'socket-address'
  | 'email'
  /** Any TOML value: the keys of a section whose contents are not published, accepted as written and never type-checked. */
  | 'any';

/**
 * How a product turns text into a boolean. Where the product refuses other values (`strict`),
 * an invalid boolean is an error; where it silently reads them as false, a value that looks
 * like "true" (`1`, `yes`, `TRUE`) is reported because it does not mean what it says.
 */
export interface BooleanParsing {
  /** Short name for messages and hover (`pydantic`, `exact "true"`). */
  readonly name: string;
  readonly trueValues: readonly string[];
  /** Values read as false; every other value is false too unless `strict`. */
  readonly falseValues: readonly string[];
  readonly caseSensitive: boolean;
  /** True when a value in neither list makes the product refuse to start. */
  readonly strict: boolean;
}

/** What a product does with a value its validator rejects. Decides the severity of `schema/invalid-value`. */
export type InvalidValueEffect =
  /** The product refuses to start (error). */
  | 'refuses-start'
  /** The product starts but the feature fails when used (error). */
  | 'fails-later'
  /** The product silently uses its default or a clamped value (warning). */
  | 'ignored'
  /** The product accepts it, but its deployment guide requires otherwise (warning). */
  | 'against-guide';

/** The format of a secret, for generation, hover and `secret/weak`. */
export interface SecretSpec {
  /** The format a generated value has (SPEC §6). */
  readonly format: KeyFormat;
  /** The shortest value accepted in production (AgentIM `JWT_SECRET` ≥ 32). */
  readonly minLength?: number;
  /** The shortest value the product accepts without warning in development. */
  readonly minLengthDevelopment?: number;
  /** Lower, upper, digit and symbol all required (AgentIM `ADMIN_PASSWORD` in production). */
  readonly complexity?: boolean;
  /** Must be a Fernet key: URL-safe base64 decoding to exactly 32 bytes. */
  readonly fernet?: boolean;
  /** Why a weak value matters, in the product's terms (its refusal, or its silent fallback). */
  readonly weakEffect?: string;
  /** True when the product refuses to start in production on a weak value (error even if `weakEffect` says so). */
  readonly weakRefusesStart?: boolean;
  /**
   * Set for credentials another system issues (an identity provider's client secret, a cloud
   * API key): a generated value would not work there, so fixes offer it only as a last resort.
   */
  readonly issuedBy?: string;
}

/**
 * When a setting must be present, as data the engine evaluates against the other settings of
 * the same group (a `.env`, one compose service, a TOML file). An absent `when` key takes its
 * default. Boolean settings compare by the product's parsing (`equals: false` matches `0`).
 */
export interface RequirementCondition {
  /** Only in this mode (`production`). */
  readonly mode?: Mode;
  /** The key whose value decides. */
  readonly when?: string;
  readonly equals?: string | boolean | readonly string[];
  readonly notEquals?: string | boolean;
  /** Not required when any of these keys is set (AgentIM auto-detects `CORS_ORIGIN` from `RENDER_EXTERNAL_URL`). */
  readonly unlessSet?: readonly string[];
}

export type Requirement = 'always' | 'production' | RequirementCondition;

/** One setting a product reads. */
export interface SettingSpec {
  /** Env name (`JWT_SECRET`) or dotted TOML path (`auth.enabled`; array-of-tables indexes dropped). */
  readonly key: string;
  /** For families of keys (`FLOWFILE_AI_<PROVIDER>_RPM`): the names the product reads. `key` is then a label. */
  readonly keyPattern?: RegExp;
  /** Where the product reads it; `env` when absent. */
  readonly source?: 'env' | 'toml';
  /** Other names the product accepts for the same setting (`database.url` for `database_url`). */
  readonly aliases?: readonly string[];
  /** One paragraph, for hover. */
  readonly description: string;
  readonly type: SettingType;
  /** For `boolean`: the product's parsing when it differs from the product's `booleans`. */
  readonly boolean?: BooleanParsing;
  /** For `enum`: the allowed values. */
  readonly enum?: readonly string[];
  readonly enumCaseInsensitive?: boolean;
  /** The value the product uses when the key is absent, as text. */
  readonly default?: string;
  /** A value to start from when the key is added (a fix, a completion): a shape to fill in, never a real secret. */
  readonly example?: string;
  /** Numeric range (integers, ports, numbers, sizes in their unit). */
  readonly min?: number;
  readonly max?: number;
  /** For URLs: the schemes the product accepts (`postgresql+asyncpg`). The first is the one to suggest. */
  readonly schemes?: readonly string[];
  /** For paths: must be absolute (in production when `'production'`). */
  readonly absolutePath?: boolean | 'production';
  /** A regular expression the value must match, and what it means in words. */
  readonly pattern?: { readonly regex: RegExp; readonly description: string };
  /** Any further check, as a zod schema over the value text; its issue message is shown. */
  readonly validate?: z.ZodType<unknown>;
  /** What the product does with an invalid value; `refuses-start` when absent. */
  readonly invalidEffect?: InvalidValueEffect;
  /** Present when the setting is a secret: its value never appears in any output. */
  readonly secret?: SecretSpec;
  readonly required?: Requirement;
  /** The product's own words when it is missing (`DATABASE_URL must be set in production.`). */
  readonly requiredReason?: string;
  /** Example values from the guides and products that must never reach production. */
  readonly placeholders?: readonly string[];
  /** The value production needs (`FLYDESK_DEV_MODE=false`), for `security/dev-mode`. */
  readonly production?: {
    readonly value: string;
    readonly reason: string;
    /** Also report the key's absence in production (its default is the development value). */
    readonly reportMissing?: boolean;
    /** When set, only these values (case-insensitive) are development switches; others are fine. */
    readonly developmentValues?: readonly string[];
  };
  /** URLs that must use https in production (OIDC issuer, redirect URIs), for `security/insecure-url`. */
  readonly requiresTls?: boolean;
  /** CORS origins: `*` is `cors/wildcard`; `list` says how the product parses several origins. */
  readonly cors?: {
    readonly list: 'json-list' | 'comma-list' | 'toml-list';
    /** What the product does with `*` in production. */
    readonly wildcardEffect?: string;
    /** A boolean setting that allows credentials with CORS. */
    readonly credentialsKey?: string;
  };
  /**
   * Set when the product reads the key from the process environment only and must not find it
   * in a `.env` (Firefly Desk's `FLYDESK_DEV_USER_*`): the reason, shown by `schema/unknown-key`.
   */
  readonly notInDotenv?: string;
  /** Set when the product declares the setting but never uses it: shown in hover. */
  readonly unused?: string;
}

/** A setting as product checks see it: the value the group gives it, parsed by its spec. */
export interface SettingValue {
  readonly key: string;
  /** The text value (TOML values as text); undefined when the key has no value. */
  readonly value: string | undefined;
  /** TOML's typed value; the text for env and compose. */
  readonly typedValue: unknown;
}

/** The settings of one group (a `.env`, a compose service, a TOML file), for product checks. */
export interface SettingsView {
  readonly mode: Mode;
  readonly format: 'env' | 'compose' | 'toml';
  /** The first occurrence of a key (or of an alias), undefined when absent. */
  get(key: string): SettingValue | undefined;
  /** Every occurrence of a key, in file order (TOML arrays of tables give several). */
  all(key: string): readonly SettingValue[];
  /** The value, or the spec's default when absent. */
  valueOrDefault(key: string): string | undefined;
  /** A boolean setting as the product parses it (default applied); undefined when unparseable. */
  bool(key: string): boolean | undefined;
  /** The keys present, in order. */
  keys(): readonly string[];
}

/**
 * What a product check reports; the rule named by `rule` reports it at the key's value
 * (or its key, or the group when the key is absent).
 */
export interface ProductCheckFinding {
  readonly rule: 'schema/conflict' | 'schema/invalid-value' | 'schema/missing-required' | 'security/dev-mode' | 'secret/weak';
  /** The setting the finding is about; the group when absent. */
  readonly key?: string;
  /** Which occurrence of `key` (TOML arrays of tables); the first when absent. */
  readonly occurrence?: number;
  readonly at?: 'key' | 'value';
  readonly message: string;
  readonly severity?: 'error' | 'warning' | 'info';
  /** A replacement value for the setting, when one value is right. Never a secret's value. */
  readonly fixValue?: string;
  readonly fixTitle?: string;
}

/** How a product treats keys it does not declare. */
export interface UnknownKeyPolicy {
  /** `prefixed`: only keys with the product's prefixes are checked; `all`: every key. */
  readonly scope: 'prefixed' | 'all';
  /** What the product does with one: refuse to start (error), or ignore it (warning). */
  readonly effect: 'refuses-start' | 'ignored';
  /** The product's reason, for the message. */
  readonly reason: string;
  /** For `all`: keys of other tools that commonly share the file and are not reported. */
  readonly allow?: readonly string[];
}

/** What the product needs from an nginx reverse proxy in front of it (nginx rules read this). */
export interface ProductNginx {
  /** Locations that stream Server-Sent Events (Firefly Desk `/api/`). */
  readonly sseLocations?: readonly string[];
  /** The smallest `proxy_read_timeout` streaming locations may have, in seconds. */
  readonly minReadTimeoutSeconds?: number;
  /** Locations that carry WebSocket connections (AgentIM `/ws/`). */
  readonly websocketLocations?: readonly string[];
  /** The largest upload the product accepts: an env key read from the sibling `.env`, and its default (nginx size syntax). */
  readonly uploadLimit?: { readonly envKey?: string; readonly default: string };
  /** True when the product's guide requires HSTS on its TLS server. */
  readonly requiresHsts?: boolean;
}

/** What the product's guide requires of its docker-compose stack (compose rules read this). */
export interface ProductCompose {
  /** What the product's PostgreSQL must be (Firefly Desk: an image with pgvector). */
  readonly database?: ComposeDatabaseRequirement;
  /** Mounts the guide requires so that data survives a re-created container. */
  readonly persistentVolumes?: readonly ComposePersistentVolume[];
  /** The uploads directory: it must be on a volume mounted exactly where the product writes. */
  readonly uploads?: ComposeUploads;
  /** Settings that the product's services must all set to one value (Flowfile's master key). */
  readonly sharedSettings?: readonly ComposeSharedSetting[];
  /** Health endpoints, for `service_healthy` and the image's own HEALTHCHECK. */
  readonly health?: ComposeHealth;
}

/** Which services of a stack a requirement concerns. */
export type ComposeServiceRole = 'product' | 'database' | 'redis';

export interface ComposeDatabaseRequirement {
  /** Substrings one of which the database image must contain (`pgvector`). */
  readonly imageMustInclude: readonly string[];
  /** The image to suggest; `{major}` is the PostgreSQL major version of the current image. */
  readonly suggestedImage: string;
  /** Why, for the message (what the product does at start-up). */
  readonly reason: string;
}

export interface ComposePersistentVolume {
  readonly role: ComposeServiceRole;
  /** The mount point in the container (`/var/lib/postgresql/data`). */
  readonly target: string;
  /** The volume name the guide uses, for the message and the fix. */
  readonly volume: string;
  readonly purpose: string;
  /** `error` when losing it loses the product's data; `warning` when the guide calls it recommended. */
  readonly severity: 'error' | 'warning';
  /** For role `product`: substrings of the service name or image of the services that need it. */
  readonly services?: readonly string[];
}

export interface ComposeUploads {
  /** The env key holding the uploads path in the container (`FLYDESK_FILE_STORAGE_PATH`). */
  readonly envKey: string;
  /** The product's default (a relative default depends on the image's working directory). */
  readonly default: string;
  /** The volume name the guide mounts there. */
  readonly volume: string;
}

export interface ComposeSharedSetting {
  readonly key: string;
  /** Substrings of the service name or image that identify the services that need it (`flowfile-core`). */
  readonly services: readonly string[];
  /** What breaks when they differ, for the message. */
  readonly reason: string;
}

export interface ComposeHealth {
  /** Paths the product answers health probes on. */
  readonly served: readonly string[];
  /** Paths a probe may plausibly use that the product does not serve: a probe there never succeeds. */
  readonly unserved?: readonly string[];
  /** The image's built-in HEALTHCHECK, used when the compose file sets none. */
  readonly image?: { readonly path: string; readonly works: boolean; readonly source: string };
  /** A healthcheck `test:` (YAML flow text) that works in the product's image. */
  readonly suggestedTest?: string;
}

export interface ProductDefinition {
  readonly id: ProductId;
  readonly name: string;
  /** The product version or commit the schema was written from. */
  readonly version: string;
  /** Where the schema's facts come from (repository, file), for hover and maintenance. */
  readonly source?: string;
  readonly detect: ProductDetection;
  readonly settings: readonly SettingSpec[];
  /** Env prefixes whose keys the schema covers (unknown ones are typos); `detect.envPrefixes` when absent. */
  readonly envPrefixes?: readonly string[];
  /** How the product parses booleans unless a setting says otherwise. */
  readonly booleans?: BooleanParsing;
  /** True when env keys match case-insensitively (pydantic-settings' default). */
  readonly caseInsensitiveKeys?: boolean;
  readonly unknownKeys?: UnknownKeyPolicy;
  /**
   * How the product treats TOML keys its schema does not declare (`source: 'toml'` settings,
   * aliases and patterns); `unknownKeys` is for env keys. `scope` is `all`. Absent: TOML keys are
   * not checked. (FraiseQL refuses to start on one; Flovyn ignores them.)
   */
  readonly unknownTomlKeys?: UnknownKeyPolicy;
  /** Placeholder values of this product's guides for any of its secrets. */
  readonly placeholders?: readonly string[];
  /** Cross-setting checks (conflicts, start-up refusals no single setting explains). */
  readonly checks?: (settings: SettingsView) => readonly ProductCheckFinding[];
  readonly nginx?: ProductNginx;
  readonly compose?: ProductCompose;
}
