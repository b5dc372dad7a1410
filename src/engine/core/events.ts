// The kinds of event on the queue, and their priority classes (scenario-format.md: at one instant,
// faults in file order, then workload in file order, then messages and timers).

export const EV = {
  deliver: 1, gossip: 2, flush: 3, hintTrigger: 4, writeTimeout: 5, readTimeout: 6, fault: 7, op: 8, gen: 9,
  pageTimeout: 10, pageNext: 11, antiEntropy: 12, repairWriteTimeout: 13,
} as const;

export const P_FAULT = 0;
export const P_WORKLOAD = 1_000_000;
export const P_OTHER = 1_000_000_000;
