// pure: Cassandra's ArrivalWindow (gms/FailureDetector.java). Inter-arrival times of heartbeats,
// seeded with an initial guess of 2 gossip intervals; gaps longer than that are ignored so an
// outage does not inflate the mean. phi = PHI_FACTOR * (now - last) / mean.
// fidelity.md's "2 s" is Cassandra's at its fixed 1 s gossip: FailureDetector.getInitialValue() is
// Gossiper.intervalInMillis * 2, and fd_max_interval_ms defaults to that initial value. So both
// scale with our gossipInterval: a fixed 2 s cap would ignore every gap at "5s" gossip (a
// restarted window would stay at its guess) and let one missed round into the mean at "200ms".

export const PHI_FACTOR = 1 / Math.log(10);
const SAMPLE_SIZE = 1000;

export class ArrivalWindow {
  private readonly samples: number[] = [];
  private sum = 0;
  private next = 0;
  /**
   * A warm window (a cluster already running at time 0): it starts full of samples of one
   * gossip interval, held as a count rather than an array (a 256-node cluster has 65,280 windows).
   * Each real sample takes the place of one of them, as a full window evicts its oldest.
   */
  private warmCount = 0;
  private warmUs = 0;
  last: number;
  /**
   * No heartbeat arrived yet (a restarted node's window): the first arrival only sets `last`, as in
   * Cassandra, where the first report adds the initial guess and sets tLast; the time since the
   * restart is not an inter-arrival interval.
   */
  private primed = true;

  /** `warmUs`: start as a full window of samples of this interval instead of Cassandra's initial guess. */
  constructor(private readonly initialUs: number, now: number, warmUs = 0) {
    this.last = now;
    if (warmUs > 0) {
      this.warmCount = SAMPLE_SIZE;
      this.warmUs = warmUs;
    } else {
      this.add(initialUs);
      this.primed = false;
    }
  }

  private add(v: number): void {
    if (this.warmCount > 0) this.warmCount--;
    if (this.samples.length < SAMPLE_SIZE) this.samples.push(v);
    else {
      this.sum -= this.samples[this.next]!;
      this.samples[this.next] = v;
      this.next = (this.next + 1) % SAMPLE_SIZE;
    }
    this.sum += v;
  }

  arrival(now: number): void {
    const gap = now - this.last;
    if (!this.primed) this.primed = true;
    else if (gap > 0 && gap <= this.initialUs) this.add(gap);
    this.last = now;
  }

  mean(): number {
    return (this.sum + this.warmCount * this.warmUs) / (this.samples.length + this.warmCount);
  }

  phi(now: number): number {
    return (PHI_FACTOR * (now - this.last)) / this.mean();
  }
}
