// The canvas worker's logic: keeps the latest frame, filters and highlight it is told about, and
// paints them every animation frame on a canvas the UI thread handed over. Talks through an
// endpoint and reads time through injected timers, so tests drive it without a Worker.
import { createMessageListDecoder } from '../../../protocol/packing';
import type { NodePoint } from '../../../view/canvas/route';
import type { CanvasLike, FromCanvas, PositionList, ToCanvas } from './protocol';
import { canvasPixels, createMessageRenderer, startDrawLoop, type CanvasConfig, type CanvasInput, type DrawLoop, type LoopTimers, type MessageRenderer } from './renderer';
import type { Context2D } from '../../../view/canvas/context';

export interface CanvasEndpoint {
  setHandler(fn: (msg: ToCanvas) => void): void;
  /** Back to the page (absent in tests that do not listen). */
  post?(msg: FromCanvas): void;
}

export interface CanvasHostClock extends LoopTimers {
  now(): number;
}

const toMap = (list: PositionList) => new Map<string, NodePoint>(list.map(([id, x, y, dc]) => [id, dc === undefined ? { x, y } : { x, y, dc }]));

export function createCanvasHost(endpoint: CanvasEndpoint, clock: CanvasHostClock): void {
  const decode = createMessageListDecoder();
  const input: CanvasInput = { frame: null, frameReceivedAt: 0, hiddenMessages: [], flash: null };
  let positions = new Map<string, NodePoint>();
  let canvas: CanvasLike | null = null;
  let ctx: Context2D | null = null;
  let renderer: MessageRenderer | null = null;
  let loop: DrawLoop | null = null;

  const draw = () => renderer?.draw(input, positions, clock.now());

  function configure(config: CanvasConfig): void {
    if (!canvas || !ctx) return;
    const px = canvasPixels(config);
    if (canvas.width !== px) canvas.width = px;
    if (canvas.height !== px) canvas.height = px;
    const restart = !renderer || renderer.config.reduced !== config.reduced;
    renderer = createMessageRenderer(ctx, config, (c) => endpoint.post?.({ type: 'drawn', ...c }));
    if (restart) {
      loop?.stop();
      loop = startDrawLoop(draw, config.reduced, clock);
    } else draw();
  }

  endpoint.setHandler((msg) => {
    switch (msg.type) {
      case 'init':
        canvas = msg.canvas;
        ctx = canvas.getContext('2d') as Context2D | null;
        positions = toMap(msg.positions);
        configure(msg.config);
        return;
      case 'config':
        configure(msg.config);
        return;
      case 'positions':
        positions = toMap(msg.positions);
        loop?.changed(false, input.flash);
        return;
      case 'frame': {
        const { messages, ...rest } = msg.frame;
        input.frame = { ...rest, messages: decode(messages) };
        input.frameReceivedAt = clock.now();
        loop?.changed(false, input.flash);
        return;
      }
      case 'view': {
        const flash = msg.flash ? { node: msg.flash.node, at: clock.now() - msg.flash.age } : null;
        input.hiddenMessages = msg.hiddenMessages;
        // The same flash keeps its start (re-deriving it from each message's age would drift).
        if (msg.flashChanged || !flash || !input.flash) input.flash = flash;
        loop?.changed(msg.flashChanged, input.flash);
        return;
      }
    }
  });
}
