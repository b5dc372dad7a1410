// The messages between the UI thread and the canvas worker that draws messages in flight.
import type { PackedMessageList } from '../../../protocol/packing';
import type { MessageGroup } from '../../../store/instrument';
import type { CanvasConfig, CanvasFrame } from './renderer';

/** Node glyph centres in view units, and each node's datacenter when the cluster names them: [id, x, y, dc?]. */
export type PositionList = [id: string, x: number, y: number, dc?: string][];

export type ToCanvas =
  /** Hands over the canvas (an OffscreenCanvas in the app). */
  | { type: 'init'; canvas: CanvasLike; config: CanvasConfig; positions: PositionList }
  | { type: 'config'; config: CanvasConfig }
  | { type: 'positions'; positions: PositionList }
  /** A new frame: its messages packed (the buffers are transferred). */
  | { type: 'frame'; frame: Omit<CanvasFrame, 'messages'> & { messages: PackedMessageList } }
  /**
   * The legend's hidden kinds, and the node whose traffic flashes (`age`: wall ms since it
   * began); `flashChanged` when the flash is a new one.
   */
  | { type: 'view'; hiddenMessages: readonly MessageGroup[]; flash: { node: string; age: number } | null; flashChanged: boolean };

/** What the host needs of a canvas: its pixel size and a 2D context. */
export interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): unknown;
}

/** From the canvas worker: what it drew of the datacenter picture (view/canvas/marks.ts DrawnCounts). */
export interface FromCanvas {
  type: 'drawn';
  wan: number;
  relays: number;
}
