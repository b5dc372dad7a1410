// The mark of one kind of message, as the canvas draws it (for the legend and the lists).
import { DOOMED_COLOUR, type MessageStyle } from '../../view/palette';

export function Swatch({ style, colour, cross }: { style: MessageStyle; colour?: string; cross?: boolean }) {
  const r = Math.min(7, style.size);
  const fill = colour ?? style.colour;
  return (
    <svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true" className="swatch">
      {style.shape === 'diamond' ? (
        <path d={`M0,${-r - 1}L${r + 1},0L0,${r + 1}L${-r - 1},0Z`} fill={fill} stroke="#3a2500" strokeWidth="1" />
      ) : style.shape === 'square' ? (
        <rect x={-r} y={-r} width={2 * r} height={2 * r} fill={fill} stroke="#3a2500" strokeWidth="1" />
      ) : (
        <circle r={r} fill={fill} opacity={Math.max(style.alpha, 0.6)} />
      )}
      {cross && <path d="M-7,-7L7,7M7,-7L-7,7" stroke={DOOMED_COLOUR} strokeWidth="2.5" strokeLinecap="round" />}
    </svg>
  );
}
