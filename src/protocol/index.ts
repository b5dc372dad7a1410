// The one typed protocol between the UI and the worker that owns the engine.
// Imported by both sides and by nothing in the engine.
import type { ClusterInfo, Command, KeyInspection, LoggedCommand, LogEvent, MetricsSample, Report, Snapshot } from '../engine';
import type { LessonRequest, LessonStatusMessage } from './lessons';
import type { Timeline } from './timeline';
import { createSnapshotDecoder, packedBuffers, packSnapshot, type PackedMessageList, type PackedSnapshot } from './packing';

// The engine's types the UI draws from, through the engine's public door (src/engine/index.ts).
export type {
  ClusterInfo, Command, ConsistencyLevel, Counters, HintQueueView, KeyInspection, LoggedCommand, LogEvent, LogKind,
  FailureCode, Failures, MessageKind, MessageView, MetricsSample, NodeView, OperatorView, PeerBelief, ProbeRecord, Report, Simulation, Snapshot, VersionView,
} from '../engine';
export type { PackedSnapshot } from './packing';
export type * from './lessons';
export type * from './timeline';
export { CONSISTENCY_LEVELS } from '../engine';
export * from './engineValues';

export interface Frame extends Snapshot {
  playing: boolean;
  speed: number;
  /** New log events since the previous frame (bounded). */
  log: LogEvent[];
  /** Log events dropped because the frame's buffer was full. */
  logSkipped: number;
  /** Set while a jump runs flat out: 0..1. */
  jumpProgress: number | null;
  /** Where the running jump ends (simulated ms), while one runs. */
  jumpTarget: number | null;
  /** Chart samples taken since the previous frame (at most ~10 per wall second). */
  samples: MetricsSample[];
  /** The key the UI asked to inspect, as it stands now (refreshed a few times a second). */
  inspection: KeyInspection | null;
  /** The scenario's end time, ms. */
  until: number;
  /** Commands from before a seek back that will replay as time moves on (0 when live). */
  future: number;
  /** Time travel: the run's reach and its marks (faults, commands, queued commands). */
  timeline?: Timeline;
  /** The id of the last `seek` the worker handled (the UI sends the next drag target after it). */
  seekId?: number;
}

/** UI → worker. */
export type ToWorker =
  /** A new simulation; with `log`, the session's commands are replayed (a share link, an imported file). */
  | { type: 'init'; scenario: unknown; log?: unknown }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'setSpeed'; speed: number }
  | { type: 'step' }
  | { type: 'jump'; byMs: number }
  | { type: 'jumpTo'; atMs: number }
  | { type: 'cancelJump' }
  /**
   * Time travel: go to any simulated moment. Back in time, the worker restores its latest
   * checkpoint at or before that moment (or starts over) and re-runs deterministically up to it;
   * the commands given after it stay queued and replay as time moves on, until a new command
   * forks the run (the rest is discarded). `id` comes back in frames as `seekId`.
   */
  | { type: 'seek'; atMs: number; id?: number }
  /** Key to inspect in every frame, or null to stop. */
  | { type: 'inspect'; key: string | null }
  /** Asks for the session (scenario as given + command log): answered by 'session'. */
  | { type: 'exportSession' }
  /** Asks for the report of scenario-format.md at the current moment: answered by 'report'. */
  | { type: 'report' }
  /** Stops rebuilding a session that init is replaying in slices (the running one stays). */
  | { type: 'cancelImport' }
  | { type: 'command'; command: Command }
  | { type: 'frameAck' }
  /** Lessons and interview questions: see ./lessons. */
  | LessonRequest;

/**
 * A frame as the worker posts it: nodes, messages in flight and hint queues travel packed in
 * typed arrays whose buffers are transferred, not cloned (see ./packing).
 */
export interface WireFrame extends Omit<Frame, 'nodes' | 'messages' | 'hintQueues'> {
  packed: PackedSnapshot;
}

/** Worker → UI, as posted. */
export type FromWorker =
  /** A new simulation (init, a lesson, an imported session): the UI starts its history over. */
  | { type: 'ready'; cluster: ClusterInfo }
  /**
   * A seek went back in time to `now` (ms): the same simulation, earlier. The UI keeps its history
   * (chart samples, fault marks, the event log) up to `now` and drops what came after, a future
   * that is no longer the run's; selection and inspection stay. Frames go on from there. Also sent
   * when a seek's re-run stops short of its target (paused, cut short) or forks before it.
   */
  | { type: 'rewound'; now: number }
  | { type: 'frame'; frame: WireFrame }
  | { type: 'error'; message: string }
  | { type: 'session'; scenario: unknown; commandLog: LoggedCommand[]; traceHash: string; now: number }
  | { type: 'report'; report: Report; now: number }
  | LessonStatusMessage
  /** While init rebuilds a session from its log in slices: 0..1; null when done, refused or cancelled. */
  | { type: 'importProgress'; progress: number | null };

/** Worker → UI once unpacked: what the app store receives. */
export type UiMessage = Exclude<FromWorker, { type: 'frame' }> | { type: 'frame'; frame: Frame };

/** Packs a frame for posting; `transfer` lists the buffers to hand over with it. */
export function packFrame(frame: Frame): { frame: WireFrame; transfer: ArrayBuffer[] } {
  const { nodes, messages, hintQueues, ...rest } = frame;
  const packed = packSnapshot({ nodes, messages, hintQueues });
  return { frame: { ...rest, packed }, transfer: packedBuffers(packed) };
}

const packedMessages = new WeakMap<Frame, PackedMessageList>();

/** The messages of an unpacked frame as they came, packed (to hand on without rebuilding them). */
export function packedMessagesOf(frame: Frame): PackedMessageList | undefined {
  return packedMessages.get(frame);
}

/** Defines obj[key] as fn(), computed on first read and kept (an own, enumerable property). */
function lazy<T extends object, K extends keyof T>(obj: T, key: K, fn: () => T[K]): void {
  let done = false;
  let value: T[K];
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!done) {
        value = fn();
        done = true;
      }
      return value;
    },
    set: (v: T[K]) => {
      value = v;
      done = true;
    },
  });
}

/**
 * Unpacks posted messages into plain frames. Nodes, messages and queues are rebuilt when first
 * read (a frame the panels never show costs nothing), and where nothing changed they are the
 * last frame's very objects (cheap for the UI and its memos).
 */
export function createUnpacker(): (msg: FromWorker) => UiMessage {
  const decoder = createSnapshotDecoder();
  return (msg) => {
    if (msg.type !== 'frame') return msg;
    const { packed, ...rest } = msg.frame;
    const frame = { ...rest, nodes: [], messages: [], hintQueues: [] } as Frame;
    lazy(frame, 'nodes', () => decoder.nodes(packed));
    lazy(frame, 'messages', () => decoder.messages(packed));
    lazy(frame, 'hintQueues', () => decoder.hintQueues(packed));
    packedMessages.set(frame, { strings: packed.strings, messages: packed.messages });
    return { type: 'frame', frame };
  };
}

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250, 1000, 2500, 10000] as const;
