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

export interface ProductDefinition {
  readonly id: ProductId;
  readonly name: string;
  /** The product version or commit the schema was written from. */
  readonly version: string;
  readonly detect: ProductDetection;
  readonly settings: readonly SettingSpec[];
}
