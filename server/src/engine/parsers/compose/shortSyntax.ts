import { isScalar, type Scalar } from 'yaml';
import type { Span } from '../../types';
import { isQuoted } from './yamlText';

/*
 * Compose's short syntaxes for volumes (`SOURCE:TARGET:MODE`) and ports
 * (`IP:HOST:CONTAINER/PROTOCOL`), read with the offset of every part so that findings and fixes
 * can point inside the string.
 */

/** A part of a short-syntax string: its text and its offset within the string. */
export interface Part {
  readonly text: string;
  readonly offset: number;
}

export interface VolumeShort {
  /** Absent for an anonymous volume (`/data` alone). */
  readonly source: Part | undefined;
  readonly target: Part;
  readonly mode: Part | undefined;
  /** `volume` for a name, `bind` for a path, `unknown` when the source is a `${VAR}`. */
  readonly kind: 'volume' | 'bind' | 'anonymous' | 'unknown';
}

const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const WINDOWS_DRIVE = /^[a-zA-Z]:[\\/]/;
const PORT_RANGE = /^(\d+)(?:-(\d+))?$/;

export function parseVolumeShort(value: string): VolumeShort {
  // A Windows drive letter (`C:\data`) is part of the source, not a separator.
  const drive = WINDOWS_DRIVE.test(value) ? 2 : 0;
  const parts = splitColons(value, drive);
  if (parts.length === 1) return { source: undefined, target: parts[0]!, mode: undefined, kind: 'anonymous' };
  const [source, target, mode] = parts as [Part, Part, Part | undefined];
  const kind = source.text.includes('$') ? 'unknown' : VOLUME_NAME.test(source.text) ? 'volume' : 'bind';
  return { source, target, mode, kind };
}

export interface PortShort {
  readonly ip: Part | undefined;
  readonly host: Part | undefined;
  readonly container: Part;
  readonly protocol: string | undefined;
}

export function parsePortShort(value: string): PortShort | undefined {
  const slash = value.lastIndexOf('/');
  const protocol = slash >= 0 && !value.slice(slash).includes(':') && !value.slice(slash).includes('}') ? value.slice(slash + 1) : undefined;
  const body = protocol !== undefined ? value.slice(0, slash) : value;
  let ip: Part | undefined;
  let rest = body;
  let restOffset = 0;
  if (body.startsWith('[')) {
    const close = body.indexOf(']');
    if (close < 0 || body[close + 1] !== ':') return undefined;
    ip = { text: body.slice(0, close + 1), offset: 0 };
    rest = body.slice(close + 2);
    restOffset = close + 2;
  }
  const parts = splitColons(rest, 0, restOffset);
  if (ip) {
    if (parts.length !== 2) return undefined;
    return { ip, host: parts[0], container: parts[1]!, protocol };
  }
  switch (parts.length) {
    case 1:
      return { ip: undefined, host: undefined, container: parts[0]!, protocol };
    case 2:
      return { ip: undefined, host: parts[0], container: parts[1]!, protocol };
    case 3:
      return { ip: parts[0], host: parts[1], container: parts[2]!, protocol };
    default:
      return undefined;
  }
}

/**
 * Splits on `:` outside `${…}` (a default may hold a colon: `${PORT:-8080}`), looking for colons
 * from `from`; each part's offset is its offset in `value` plus `shift`.
 */
function splitColons(value: string, from: number, shift = 0): Part[] {
  const parts: Part[] = [];
  let start = 0;
  let depth = 0;
  for (let index = from; index < value.length; index++) {
    const char = value[index];
    if (char === '$' && value[index + 1] === '{') {
      depth++;
      index++;
    } else if (char === '}' && depth > 0) depth--;
    else if (char === ':' && depth === 0) {
      parts.push({ text: value.slice(start, index), offset: start + shift });
      start = index + 1;
    }
  }
  parts.push({ text: value.slice(start), offset: start + shift });
  return parts;
}

/** The ports a port spec covers (`5432`, `5432-5433`), or undefined when it names none (`${X:-5432}`). */
export function portRange(spec: string): { readonly low: number; readonly high: number } | undefined {
  const range = PORT_RANGE.exec(spec.trim());
  if (!range) return undefined;
  const low = Number(range[1]);
  return { low, high: range[2] !== undefined ? Number(range[2]) : low };
}

/**
 * The document span of `[from, to)` within a string scalar's value, when the value is written
 * as-is in the text (plain or quoted without escapes); the whole scalar otherwise.
 */
export function spanInScalar(text: string, node: Scalar, from: number, to: number): Span {
  const whole = { start: node.range![0], end: node.range![1] };
  if (!isScalar(node) || typeof node.value !== 'string') return whole;
  const start = node.range![0] + (isQuoted(node) ? 1 : 0);
  if (text.slice(start, start + node.value.length) !== node.value) return whole;
  return { start: start + from, end: start + to };
}
