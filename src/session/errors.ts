// pure: the one error an import throws, naming the field (`log[3].command.node: unknown node "z"`),
// and the translation of the engine's ScenarioError into it.
import { ScenarioError } from '../engine';

export class ImportError extends Error {
  constructor(readonly field: string, readonly detail: string) {
    super(field ? `${field}: ${detail}` : detail);
    this.name = 'ImportError';
  }
}

/** A path into a value as the messages write it: `log[0].command.node`. */
export function fieldOf(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/** Rethrows the engine's ScenarioError as an ImportError, its field under `prefix`; anything else as is. */
export function rethrowScenarioError(e: unknown, prefix: string): never {
  if (e instanceof ScenarioError) {
    const field = prefix ? (e.field ? (e.field.startsWith('[') ? prefix + e.field : `${prefix}.${e.field}`) : prefix) : e.field;
    const detail = e.field ? e.message.slice(e.field.length + 2) : e.message;
    throw new ImportError(field, detail);
  }
  throw e;
}
