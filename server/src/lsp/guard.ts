import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { z } from 'zod';

/**
 * Every handler runs inside a guard: a bad request gets an error response, a failing handler
 * is logged by name (never with its message, which may quote file content) and the server
 * keeps serving. A request the session's state does not allow gets the error LSP prescribes.
 */
export type Log = (message: string) => void;

/** Where the session is: requests are served only between `initialize` and `shutdown`. */
export class Lifecycle {
  private state: 'uninitialized' | 'running' | 'shutDown' = 'uninitialized';

  initialized(): void {
    if (this.state === 'uninitialized') this.state = 'running';
  }

  shutDown(): void {
    this.state = 'shutDown';
  }

  get running(): boolean {
    return this.state === 'running';
  }

  /** The error LSP prescribes for a request received outside the running state. */
  refusal(name: string): ResponseError<void> | undefined {
    if (this.state === 'uninitialized') return new ResponseError(ErrorCodes.ServerNotInitialized, `${name}: the server is not initialized`);
    if (this.state === 'shutDown') return new ResponseError(ErrorCodes.InvalidRequest, `${name}: the server is shut down`);
    return undefined;
  }
}

export class InvalidParams extends Error {
  override readonly name = 'InvalidParams';
}

/** What a guard needs of the session: where to log, and its lifecycle. */
export interface GuardContext {
  readonly log: Log;
  readonly lifecycle: Lifecycle;
}

export function guardRequest<P, R>(name: string, { log, lifecycle }: GuardContext, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R | ResponseError<void>> {
  return async (params) => {
    const refusal = lifecycle.refusal(name);
    if (refusal) return refusal;
    try {
      return await handler(params);
    } catch (error) {
      if (error instanceof InvalidParams) return new ResponseError(ErrorCodes.InvalidParams, `${name}: ${error.message}`);
      log(`${name} failed: ${errorName(error)}`);
      return new ResponseError(ErrorCodes.InternalError, `${name} failed`);
    }
  };
}

export function guardNotification<P>(name: string, { log, lifecycle }: GuardContext, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    // LSP: notifications before `initialize` or after `shutdown` are dropped.
    if (!lifecycle.running) return;
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
