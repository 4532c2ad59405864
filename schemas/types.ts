import type { ProductId } from '../server/src/engine/types';

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
  /** TOML key paths (dotted) whose presence identifies the product's config file. */
  readonly tomlKeys?: readonly string[];
  /** nginx `location` paths the product's proxy config has (`/ws/`), with `minLocations` needed. */
  readonly nginxLocations?: readonly string[];
}

/** One setting a product reads. Extended by the product-schema work (type, secret format, …). */
export interface SettingSpec {
  /** Env name (`JWT_SECRET`) or dotted TOML path (`auth.enabled`). */
  readonly key: string;
  readonly description: string;
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
  /** Extended by the compose work: database image requirements, persistent volumes, upload mounts. */
  readonly [requirement: string]: unknown;
}

export interface ProductDefinition {
  readonly id: ProductId;
  readonly name: string;
  /** The product version or commit the schema was written from. */
  readonly version: string;
  readonly detect: ProductDetection;
  readonly settings: readonly SettingSpec[];
  readonly nginx?: ProductNginx;
  readonly compose?: ProductCompose;
}
