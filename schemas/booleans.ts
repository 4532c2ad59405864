import type { BooleanParsing } from './types';

/** pydantic v2 `bool` (Firefly Desk): a fixed set of words, case-insensitive; anything else is a validation error. */
export const PYDANTIC_BOOLEAN: BooleanParsing = {
  name: 'pydantic (true/false, 1/0, yes/no, on/off, t/f, y/n)',
  trueValues: ['true', '1', 'yes', 'on', 't', 'y'],
  falseValues: ['false', '0', 'no', 'off', 'f', 'n'],
  caseSensitive: false,
  strict: true,
};

/** `process.env.X === 'true'` (AgentIM): only the exact lowercase `true` is true. */
export const EXACT_TRUE_BOOLEAN: BooleanParsing = {
  name: 'exact "true" (anything else, even TRUE or 1, is false)',
  trueValues: ['true'],
  falseValues: ['false'],
  caseSensitive: true,
  strict: false,
};

/** `value.lower() in ("true", "1", "yes", "on")` (Flowfile's settings flags). */
export const TRUTHY_BOOLEAN: BooleanParsing = {
  name: 'true/1/yes/on, case-insensitive (anything else is false)',
  trueValues: ['true', '1', 'yes', 'on'],
  falseValues: ['false', '0', 'no', 'off'],
  caseSensitive: false,
  strict: false,
};

/** `value.lower() in ("true", "1", "yes")` (Flowfile's scheduler and kernel warm-up flags). */
export const TRUE_ONE_YES_BOOLEAN: BooleanParsing = {
  name: 'true/1/yes, case-insensitive (anything else, even "on", is false)',
  trueValues: ['true', '1', 'yes'],
  falseValues: ['false', '0', 'no'],
  caseSensitive: false,
  strict: false,
};

/** `os.environ.get(X) == "1"` (Flowfile's single-file and offload flags). */
export const ONE_ONLY_BOOLEAN: BooleanParsing = {
  name: 'exact "1" (anything else, even "true", is false)',
  trueValues: ['1'],
  falseValues: ['0'],
  caseSensitive: true,
  strict: false,
};

/** clap's boolish parser (FraiseQL's env overrides): a bad value is a fatal argument error. */
export const CLAP_BOOLEAN: BooleanParsing = {
  name: 'boolish (true/false, 1/0, yes/no, on/off, t/f, y/n)',
  trueValues: ['true', '1', 'yes', 'on', 't', 'y'],
  falseValues: ['false', '0', 'no', 'off', 'f', 'n'],
  caseSensitive: false,
  strict: true,
};

/** TOML booleans: only the literals `true` and `false`. */
export const TOML_BOOLEAN: BooleanParsing = {
  name: 'TOML boolean (true or false, unquoted)',
  trueValues: ['true'],
  falseValues: ['false'],
  caseSensitive: true,
  strict: true,
};

/** The boolean a text means under `parsing`, or undefined when it is in neither list. */
export function parseBoolean(value: string, parsing: BooleanParsing): boolean | undefined {
  const text = parsing.caseSensitive ? value.trim() : value.trim().toLowerCase();
  if (parsing.trueValues.includes(text)) return true;
  if (parsing.falseValues.includes(text)) return false;
  return undefined;
}

/** The `config` crate's string-to-bool conversion (Flovyn's env overrides): other values fail deserialisation. */
export const CONFIG_CRATE_BOOLEAN: BooleanParsing = {
  name: 'true/false, 1/0, yes/no, on/off (case-insensitive)',
  trueValues: ['true', '1', 'yes', 'on'],
  falseValues: ['false', '0', 'no', 'off'],
  caseSensitive: false,
  strict: true,
};
