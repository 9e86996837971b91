// One turn of the event loop. The CPU backend computes synchronously and a resolved promise
// only runs microtasks, so without this a whole training run never lets timers, I/O or signal
// handlers (Ctrl-C, SIGTERM) run until it ends. setImmediate (Node) runs after pending I/O and
// signal callbacks; browsers have only setTimeout.

export function yieldToEventLoop(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown })
    .setImmediate;
  return new Promise((resolve) => {
    if (immediate) immediate(resolve);
    else setTimeout(resolve, 0);
  });
}
