// pure (types only): the 2D context the message drawing needs: the subset of CanvasRenderingContext2D it calls
// (a fake one records the calls in tests), the same on the page's canvas and an OffscreenCanvas.

/** The subset of CanvasRenderingContext2D used by drawMessages. */
export interface MessageContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  globalAlpha: number;
  lineWidth: number;
  save(): void;
  restore(): void;
  beginPath(): void;
  closePath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  fill(): void;
  stroke(): void;
  setLineDash(segments: number[]): void;
}

/** Text, where the context writes it (the page's canvas, an OffscreenCanvas, the stamping context; test fakes need not). */
export interface TextContext {
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  fillText(text: string, x: number, y: number): void;
}

export const writesText = (ctx: MessageContext): ctx is MessageContext & TextContext => typeof (ctx as Partial<TextContext>).fillText === 'function';

/** A 2D context as both threads have it (the page's canvas or an OffscreenCanvas). */
export type Context2D = MessageContext & Partial<TextContext> & {
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
};
