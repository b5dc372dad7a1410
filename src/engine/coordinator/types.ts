// The coordinator's memory of a request in flight: plain data, carried in the request's messages.
import type { SimEvent } from '../core/events';
import type { KeyInfo } from '../keys/keys';
import type { Version } from '../node/versions';
import type { Level } from '../scenario/schema';

export interface WriteHandler {
  id: number;
  coord: number;
  info: KeyInfo;
  v: Version;
  level: Level;
  required: number;
  /** EACH_QUORUM: the acks still wanted per datacenter (dcLevels.ts); undefined for other levels. */
  need: number[] | undefined;
  acks: number;
  /** Nodes contacted, and for each the owner it writes for (itself unless it is a stand-in). */
  targets: number[];
  owners: number[];
  answered: boolean[];
  unanswered: number;
  done: boolean;
  success: boolean;
  user: boolean;
  /** Sloppy mode: stragglers were already handed to stand-ins once. */
  rerouted: boolean;
  /** Still waiting for replies or its deadline; false once finished (late replies are then ignored). */
  live: boolean;
  /** Its pending deadline's ticket (see coordinator/deadlines.ts). */
  deadline: number;
}

export interface ReadHandler {
  id: number;
  coord: number;
  key: string;
  info: KeyInfo;
  level: Level;
  contacted: number[];
  /** Who answered, in arrival order, and what each answered: the first `answers` entries. */
  respondents: number[];
  responses: (readonly Version[])[];
  answers: number;
  /** What "not stale" means: the newest acknowledged write when the read began. */
  baselineTs: number;
  /** The newest acknowledged operation when the read began was a delete: not found is then not stale. */
  baselineDeleted: boolean;
  baselineVersions: Version[];
  /** Replicas whose read-repair write is not acked yet. */
  repairsPending: number[];
  merged: readonly Version[];
  done: boolean;
  user: boolean;
  /** Its readTimeout event, until the read finishes (see finish). */
  timeout: SimEvent | null;
}
