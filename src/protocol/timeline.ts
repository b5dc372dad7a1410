// The time-travel timeline a frame carries: how far the current run reaches, and the moments on
// it worth marking (faults of the scenario, the user's commands — past and still queued).

export interface TimelineMark {
  /** Simulated ms. */
  at: number;
  /** The fault or command type: kill, restart, partition, heal, slow, repair, write, workload, … */
  kind: string;
  /** Short text: "kill C", "partition {A, B} | {C}", "write k1". */
  label: string;
  /** A fault (kill, restart, partition, heal, slow, repair) rather than a workload action. */
  fault: boolean;
  /** From the scenario file (stays on a fork) or a user's command. */
  source: 'scenario' | 'command';
  /** A command after the current moment, queued since a seek back (a new command discards it). */
  queued: boolean;
}

export interface Timeline {
  /** The furthest simulated ms the current run has reached (a fork cuts it back to the fork). */
  horizon: number;
  /** Oldest first, bounded. */
  marks: TimelineMark[];
  /** Marks left out to keep the frame small. */
  marksOmitted: number;
}
