// pure: the sentences that say why — who did not answer, what the coordinator believed of them,
// the setting by the running system's own name (write_request_timeout), from the registry.
import type { EngineContext } from '../context';
import { believesAlive } from '../node/node';
import type { Settings } from '../scenario/presets';
import { SETTINGS, type SettingPath } from '../scenario/registry';

/** A setting as the running preset's system calls it (write_request_timeout), else as we do. */
export function realName(settings: Settings, path: SettingPath): string {
  return SETTINGS[path].real[settings.preset] ?? path;
}

/** "D", "D and E", "C, D and E". */
export function names(ids: readonly string[]): string {
  if (ids.length <= 1) return ids[0] ?? '';
  return `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]!}`;
}

/**
 * Who did not answer in time and what the coordinator believed of them then:
 * "D did not answer within read_request_timeout (5s); A still believed D alive".
 */
export function silent(ctx: EngineContext, coordIdx: number, quiet: readonly number[], timeout: 'writeTimeout' | 'readTimeout'): string {
  const coord = ctx.nodes[coordIdx]!;
  const who = quiet.map((r) => ctx.nodes[r]!.id);
  if (who.length === 0) return 'no answer in time';
  const alive = quiet.filter((r) => r !== coordIdx && believesAlive(coord, r)).map((r) => ctx.nodes[r]!.id);
  const convicted = quiet.filter((r) => r !== coordIdx && !believesAlive(coord, r)).map((r) => ctx.nodes[r]!.id);
  const belief = [
    alive.length > 0 ? `${coord.id} still believed ${names(alive)} alive` : '',
    convicted.length > 0 ? `${coord.id} believed ${names(convicted)} alive when it asked, and has convicted ${convicted.length === 1 ? 'it' : 'them'} since` : '',
  ].filter(Boolean).join('; ');
  const ms = ctx.settings[timeout];
  return `${names(who)} did not answer within ${realName(ctx.settings, timeout)} (${ms >= 1000 ? `${ms / 1000}s` : `${ms}ms`})${belief ? `; ${belief}` : ''}`;
}
