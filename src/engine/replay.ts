// pure: rebuilds a session from its scenario and command log a little at a time, so the worker
// can replay a long session in slices (with progress, cancellable) while the running one goes on.
import type { LoggedCommand, Simulation } from './api';
import { parseScenario, ScenarioError, type Scenario } from './scenario/schema';
import { checkLog } from './scenario/session';
import { Sim } from './sim';
import { runUpTo } from './core/commandTime';

export interface Replay {
  /** The simulation being rebuilt; complete once `run` returned true. */
  readonly sim: Simulation & { exportScenario(): Scenario };
  /** 0..1: how far towards the last command. */
  readonly progress: number;
  /** The last command's time, ms (0 without commands). */
  readonly lastAt: number;
  /**
   * Replays a bounded piece: at most `maxEvents` events between two commands and at most
   * `maxCommands` commands. True once every command is applied. Throws a ScenarioError naming
   * the entry (`log[3].command.id: no message 12 is in flight`).
   */
  run(maxEvents: number, maxCommands?: number): boolean;
}

/** Validates the scenario and the whole log up front (fields named), then replays on demand. */
export function startReplay(scenario: unknown, log: unknown): Replay {
  const parsed = parseScenario(scenario);
  const commands: LoggedCommand[] = checkLog(parsed, log);
  const sim = new Sim(parsed);
  const lastAt = commands.length > 0 ? commands[commands.length - 1]!.at : 0;
  let i = 0;
  return {
    sim,
    lastAt,
    get progress() {
      if (i >= commands.length) return 1;
      return lastAt > 0 ? Math.min(0.999, Math.max(0, sim.now / lastAt)) : 0;
    },
    run(maxEvents, maxCommands = 16) {
      let applied = 0;
      while (i < commands.length) {
        if (applied >= maxCommands) return false;
        const { at, command } = commands[i]!;
        // As createSession and the live run: a command applies just after everything due at (at − 1 µs).
        if (!sim.advanceTo(runUpTo(at), maxEvents)) return false;
        try {
          sim.apply(command);
        } catch (e) {
          if (e instanceof ScenarioError) {
            const field = `log[${i}].command${e.field ? `.${e.field}` : ''}`;
            throw new ScenarioError(field, e.field ? e.message.slice(e.field.length + 2) : e.message);
          }
          throw e;
        }
        i++;
        applied++;
      }
      return true;
    },
  };
}
