import type { KeyFormat } from '../../server/src/engine/keygen';
import type { SettingType } from '../types';

/** Secret formats as users name them in `.deploy-doctor.yaml`, mapped to the Generate Key formats. */
export const SECRET_FORMATS: Readonly<Record<string, KeyFormat>> = {
  'hex-32': 'hex-32',
  'base64-32': 'base64-32',
  'urlsafe-32': 'token-urlsafe-32',
  'token-urlsafe-32': 'token-urlsafe-32',
  fernet: 'fernet',
  password: 'password',
  uuid: 'uuid-v4',
  'uuid-v4': 'uuid-v4',
};

/** The types an own setting may declare; `origins` is a CORS list, translated to a list type. */
export const OWN_TYPES: readonly string[] = [
  'string', 'integer', 'number', 'port', 'boolean', 'url', 'duration', 'size', 'enum', 'json-list', 'json-object',
  'comma-list', 'list', 'origins', 'path', 'email', 'uuid', 'slug', 'host', 'socket-address', 'any',
];

export type OwnType = Exclude<SettingType, 'table'> | 'origins';
