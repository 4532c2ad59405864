/**
 * The "files done / total" line a long check shows on a terminal's stderr: rewritten in place
 * with `\r`, at most every UPDATE_MS, and erased when the check ends so the report starts clean.
 * Small trees finish before a line would help, and get none.
 */
export const PROGRESS_MIN_FILES = 50;
const UPDATE_MS = 100;
const CLEAR_LINE = '\r\u001b[K';

export interface ProgressLine {
  update(done: number, total: number): void;
  clear(): void;
}

export function progressText(done: number, total: number): string {
  return `${CLEAR_LINE}deploy-doctor: checked ${done}/${total} files`;
}

/** A progress line on `write` (stderr), or none when stderr is not a terminal. */
export function progressLine(write: (text: string) => void, stderrIsTty: boolean, now: () => number = Date.now): ProgressLine | undefined {
  if (!stderrIsTty) return undefined;
  let shown = false;
  let last = -Infinity;
  return {
    update(done, total) {
      if (total < PROGRESS_MIN_FILES) return;
      const time = now();
      if (time - last < UPDATE_MS && done < total) return;
      last = time;
      shown = true;
      write(progressText(done, total));
    },
    clear() {
      if (shown) write(CLEAR_LINE);
      shown = false;
    },
  };
}
