// pure: the fixed jumps of the time controls.
export const JUMPS = [
  { byMs: 60_000, text: '+1 min', name: 'Jump ahead 1 minute' },
  { byMs: 600_000, text: '+10 min', name: 'Jump ahead 10 minutes' },
  { byMs: 3_600_000, text: '+1 h', name: 'Jump ahead 1 hour' },
  { byMs: 10_800_000, text: '+3 h', name: 'Jump ahead 3 hours' },
] as const;
