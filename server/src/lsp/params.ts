import * as z from 'zod';
import { KEY_FORMATS, type KeyFormat } from '../engine';

/** Request params as the server accepts them; anything else is answered with InvalidParams. */

const position = z.object({ line: z.number().int().min(0), character: z.number().int().min(0) });
const range = z.object({ start: position, end: position });
const textDocument = z.object({ uri: z.string().min(1) });
const mode = z.enum(['production', 'development']);
const formats = KEY_FORMATS.map((info) => info.format) as [KeyFormat, ...KeyFormat[]];

export const textDocumentPositionParams = z.object({ textDocument, position });

export const codeActionParams = z.object({
  textDocument,
  range,
  context: z.object({ diagnostics: z.array(z.unknown()), only: z.array(z.string()).optional() }),
});

export const fileInfoParams = z.object({ uri: z.string().min(1) });

/** `deployDoctor/products` may come with no params at all (older clients). */
export const productsParams = z.object({ uri: z.string().min(1).optional() }).nullish();

export const setOverrideParams = z.object({
  uri: z.string().min(1),
  product: z.string().min(1).nullable().optional(),
  mode: mode.nullable().optional(),
});

export const generateKeyParams = z.object({
  uri: z.string().min(1),
  position,
  format: z.enum(formats).optional(),
});
