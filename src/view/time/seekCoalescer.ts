// pure: coalesces seek requests while the user drags the timeline or holds an arrow key. At most
// one seek is on its way to the worker; later targets overwrite each other, and only the latest
// goes once the worker reports (frame.seekId) that it handled the one before. Nothing queues.

export interface SeekCoalescer {
  /** Asks to go to atMs: sent at once when nothing is on its way, else kept as the next target. */
  request(atMs: number): void;
  /** The worker handled the seek with this id (frames carry it). */
  acknowledge(id: number): void;
  /** A seek is on its way or a target waits. */
  readonly busy: boolean;
  /** The latest target asked for (sent or waiting), or null when idle. */
  readonly target: number | null;
}

export function createSeekCoalescer(send: (atMs: number, id: number) => void, firstId = 1): SeekCoalescer {
  let nextId = firstId;
  let inFlight: number | null = null;
  let waiting: number | null = null;
  let latest: number | null = null;

  const go = (atMs: number) => {
    inFlight = nextId++;
    send(atMs, inFlight);
  };

  return {
    request(atMs) {
      latest = atMs;
      if (inFlight === null) go(atMs);
      else waiting = atMs;
    },
    acknowledge(id) {
      if (inFlight === null || id < inFlight) return;
      inFlight = null;
      if (waiting !== null) {
        const t = waiting;
        waiting = null;
        go(t);
      } else {
        latest = null;
      }
    },
    get busy() {
      return inFlight !== null;
    },
    get target() {
      return latest;
    },
  };
}
