import { accessSync, closeSync, constants, fchmodSync, fchownSync, fsyncSync, lstatSync, openSync, renameSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readRegularFile } from '../shared/regularFile';
import { describeFsError } from './errors';

export type ReplaceResult = { readonly written: true } | { readonly written: false; readonly reason: string };

/** Points where tests change the file system in the middle of a write. */
export interface ReplaceHooks {
  /** After the temporary file is written and synced, before the target is compared and replaced. */
  readonly beforeReplace?: () => void;
}

/** The temporary file beside `path` that is renamed over it. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.deploy-doctor-${process.pid}.tmp`);
}

/**
 * Replaces the regular file at `path`, whose content was `expected` when it was read, with
 * `bytes`: a temporary file in the same folder, with the original's mode (and owner, for root),
 * synced and renamed over it, so a reader sees the old file or the new one, never half of one.
 * A symbolic link is never written through, and a file that no longer holds `expected` (changed,
 * deleted, replaced) is left alone. Nothing is thrown: the reason comes back, the temp removed.
 */
export function replaceFileAtomically(path: string, expected: Uint8Array, bytes: Uint8Array, hooks: ReplaceHooks = {}): ReplaceResult {
  let original: Stats;
  try {
    original = lstatSync(path);
    if (original.isSymbolicLink()) return notWritten('not fixed: is a symbolic link');
    if (!original.isFile()) return notWritten('not fixed: not a regular file');
    // rename() would replace a read-only file in a writable folder; a read-only file says "leave me".
    accessSync(path, constants.W_OK);
  } catch (error) {
    return notWritten(`not fixed: ${describeFsError(error, 'write')}`);
  }

  const temporary = temporaryPathFor(path);
  let created = false;
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    created = true;
    try {
      writeAll(fd, bytes);
      fchmodSync(fd, original.mode & 0o7777);
      if (process.getuid?.() === 0) fchownSync(fd, original.uid, original.gid);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    hooks.beforeReplace?.();
    const change = changeOnDisk(path, expected);
    if (change !== undefined) {
      removeQuietly(temporary);
      return notWritten(`changed on disk during the run${change ? ` (${change})` : ''}, not fixed`);
    }
    renameSync(temporary, path);
    created = false;
    syncFolder(dirname(path));
    return { written: true };
  } catch (error) {
    if (created) removeQuietly(temporary);
    const inTheWay = !created && (error as NodeJS.ErrnoException | undefined)?.code === 'EEXIST';
    return notWritten(`not fixed: ${inTheWay ? `${basename(temporary)} already exists` : describeFsError(error, 'write')}`);
  }
}

/** Undefined when `path` is still the regular file holding `expected`; else what became of it ('' when only its content changed). */
function changeOnDisk(path: string, expected: Uint8Array): string | undefined {
  try {
    const stats = lstatSync(path);
    if (stats.isSymbolicLink()) return 'now a symbolic link';
    if (stats.isDirectory()) return 'now a directory';
    if (!stats.isFile()) return 'no longer a regular file';
    const current = readRegularFile(path, expected.length + 1);
    return Buffer.from(expected).equals(current) ? undefined : '';
  } catch (error) {
    return describeFsError(error, 'write');
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

/** The rename is durable once the folder's entry is synced; some systems refuse to sync a folder. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // The file itself is written and renamed; only durability across a crash is weaker.
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone (its folder was removed).
  }
}

function notWritten(reason: string): ReplaceResult {
  return { written: false, reason };
}
