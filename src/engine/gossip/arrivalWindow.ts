// pure: Cassandra's ArrivalWindow (gms/FailureDetector.java). Inter-arrival times of heartbeats,
// seeded with an initial guess of 2 gossip intervals; gaps longer than that are ignored so an
// outage does not inflate the mean. phi = PHI_FACTOR * (now - last) / mean.

export const PHI_FACTOR = 1 / Math.log(10);
const SAMPLE_SIZE = 1000;

export class ArrivalWindow {
  private readonly samples: number[] = [];
  private sum = 0;
  private next = 0;
  last: number;

  constructor(private readonly initialUs: number, now: number) {
    this.last = now;
    this.add(initialUs);
  }

  private add(v: number): void {
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
    if (gap > 0 && gap <= this.initialUs) this.add(gap);
    this.last = now;
  }

  mean(): number {
    return this.sum / this.samples.length;
  }

  phi(now: number): number {
    return (PHI_FACTOR * (now - this.last)) / this.mean();
  }
}
