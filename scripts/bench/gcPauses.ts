/**
 * The collector's pauses of this thread, as node reports them: to tell how much of a timed span
 * was garbage collection. Node delivers the entries asynchronously, so `within` is read after
 * yielding to the event loop once the spans are over.
 */
import { PerformanceObserver } from 'node:perf_hooks';

export class GcPauses {
  private readonly pauses: { readonly start: number; readonly duration: number }[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.pauses.push({ start: entry.startTime, duration: entry.duration });
  });

  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Waits until node has delivered the pauses of what already ran. */
  async settle(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }

  /** Milliseconds of pauses that started within [start, end), both `performance.now()` times. */
  within(start: number, end: number): number {
    let total = 0;
    for (const pause of this.pauses) if (pause.start >= start && pause.start < end) total += pause.duration;
    return total;
  }

  clear(): void {
    this.pauses.length = 0;
  }

  stop(): void {
    this.observer.disconnect();
  }
}
