import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { z } from 'zod';

/**
 * Every handler runs inside a guard: a bad request gets an error response, a failing handler
 * is logged by name (never with its message, which may quote file content) and the server
 * keeps serving.
 */
export type Log = (message: string) => void;

export class InvalidParams extends Error {
  override readonly name = 'InvalidParams';
}

export function guardRequest<P, R>(name: string, log: Log, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R | ResponseError<void>> {
  return async (params) => {
    try {
      return await handler(params);
    } catch (error) {
      if (error instanceof InvalidParams) return new ResponseError(ErrorCodes.InvalidParams, `${name}: ${error.message}`);
      log(`${name} failed: ${errorName(error)}`);
      return new ResponseError(ErrorCodes.InternalError, `${name} failed`);
    }
  };
}

export function guardNotification<P>(name: string, log: Log, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    try {
      const pending = handler(params);
      if (pending) pending.catch((error: unknown) => log(`${name} failed: ${errorName(error)}`));
    } catch (error) {
      log(`${name} failed: ${errorName(error)}`);
    }
  };
}

/** Parses request params with `schema`, or throws `InvalidParams` naming the first bad field. */
export function parseParams<T>(schema: z.ZodType<T>, params: unknown): T {
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new InvalidParams(issue ? `invalid ${issue.path.join('.') || 'params'}` : 'invalid params');
}

export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
