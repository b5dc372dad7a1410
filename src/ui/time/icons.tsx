// The time controls' glyphs (the lab's toolbar and Compare's share them).

export function PlayIcon({ playing }: { playing: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      {playing ? (
        <path d="M2 1h3.5v12H2zM8.5 1H12v12H8.5z" fill="currentColor" />
      ) : (
        <path d="M2.5 1l10 6-10 6z" fill="currentColor" />
      )}
    </svg>
  );
}

export function StepIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      <path d="M1.5 1.5l7 5.5-7 5.5zM10 1.5h2.5v11H10z" fill="currentColor" />
    </svg>
  );
}
