/**
 * When the preview rebuilds: a burst of changes (an editor's save is several file events) waits
 * `debounceMs` after the last one and starts one rebuild; changes that arrive while a rebuild
 * runs are followed by exactly one more once it ends, never by one per change, and never by two
 * rebuilds at once.
 */
export interface Scheduler {
  /** Something changed. */
  changed(): void;
  /** Resolves once no rebuild runs or waits. */
  idle(): Promise<void>;
  /** No more rebuilds; resolves once the running one ends. */
  close(): Promise<void>;
}

export function scheduleRebuilds(run: () => Promise<void>, debounceMs: number): Scheduler {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  let waiters: (() => void)[] = [];

  const settle = () => {
    if (running || timer) return;
    for (const resolve of waiters) resolve();
    waiters = [];
  };
  const start = () => {
    timer = undefined;
    running = run()
      .catch(() => {}) // the run reports its own failures
      .finally(() => {
        running = undefined;
        if (again && !closed) {
          again = false;
          wait();
        }
        settle();
      });
  };
  const wait = () => {
    clearTimeout(timer);
    timer = setTimeout(start, debounceMs);
  };
  return {
    changed() {
      if (closed) return;
      if (running) again = true;
      else wait();
    },
    idle() {
      if (!running && !timer) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      await running;
      settle();
    },
  };
}
