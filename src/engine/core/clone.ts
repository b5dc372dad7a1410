// pure: a structural deep copy of an object graph that keeps what structuredClone drops or
// refuses: prototypes (class instances stay instances of their class), shared references and
// cycles (each object is copied once), Map / Set / arrays (holes too) / typed arrays / ArrayBuffers.
// A function found in the graph is handed to `onFunction` with its path; without a handler, or
// when it declines, the copy throws a CloneError naming the path (e.g. `sim.rng.net.next`).
//
// Copies own enumerable string-keyed properties; an own accessor (getter) is refused, as are
// WeakMap / WeakSet / Promise, whose contents cannot be read.

export class CloneError extends Error {
  constructor(readonly path: string, what: string) {
    super(`cannot checkpoint ${path}: ${what}`);
    this.name = 'CloneError';
  }
}

export interface CloneOptions {
  /** Name of the root in error paths. */
  rootName?: string;
  /**
   * Called for a function found at `path` (property names from the root). Return the value to
   * put in its place, or CLONE_REFUSE to refuse (CloneError).
   */
  onFunction?: (path: readonly (string | number)[], fn: Function) => unknown; // eslint-disable-line @typescript-eslint/no-unsafe-function-type
}

export const CLONE_REFUSE: unique symbol = Symbol('refuse');

export interface CloneResult<T> {
  value: T;
  /** Original → copy, for every object copied (callers fix up what the walk cannot see). */
  copies: Map<object, object>;
  /** A rough size: objects copied plus array, map and set entries. */
  cells: number;
}

const TYPED: ReadonlySet<unknown> = new Set([
  Int8Array.prototype, Uint8Array.prototype, Uint8ClampedArray.prototype, Int16Array.prototype, Uint16Array.prototype,
  Int32Array.prototype, Uint32Array.prototype, Float32Array.prototype, Float64Array.prototype, BigInt64Array.prototype, BigUint64Array.prototype,
]);

type TypedCtor = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => ArrayBufferView;

/**
 * A shallow copy of `src` with prototype `proto`. The spread copies V8's hidden class layout (all
 * fields in-object); the prototype is then set on the fresh object, a cached map transition.
 * Object.create + assignment would instead push a many-field instance (the Sim) into slow
 * dictionary mode, and a restored simulation would run at half speed.
 */
function shallow(src: object, proto: object | null): Record<string, unknown> {
  const out = { ...src } as Record<string, unknown>;
  if (proto !== Object.prototype) Object.setPrototypeOf(out, proto);
  return out;
}

export function cloneGraph<T>(root: T, options: CloneOptions = {}): CloneResult<T> {
  const copies = new Map<object, object>();
  const path: (string | number)[] = [];
  let cells = 0;
  const where = () => [options.rootName ?? 'root', ...path].map((p, i) => (i === 0 ? String(p) : typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');

  function fn(f: Function): unknown { // eslint-disable-line @typescript-eslint/no-unsafe-function-type
    const out = options.onFunction ? options.onFunction(path, f) : CLONE_REFUSE;
    if (out === CLONE_REFUSE) throw new CloneError(where(), `a function (${f.name || 'anonymous'}) is stored in the state`);
    return out;
  }

  function copy(v: unknown): unknown {
    if (typeof v === 'function') return fn(v);
    if (typeof v !== 'object' || v === null) return v;
    const done = copies.get(v);
    if (done !== undefined) return done;
    cells++;
    if (Array.isArray(v)) return copyArray(v);
    const proto: unknown = Object.getPrototypeOf(v);
    if (v instanceof Map) {
      const out = new Map();
      if (proto !== Map.prototype) Object.setPrototypeOf(out, proto as object);
      copies.set(v, out);
      for (const [k, x] of v) {
        path.push('<key>');
        const ck = copy(k);
        path[path.length - 1] = typeof k === 'string' || typeof k === 'number' ? k : '<entry>';
        out.set(ck, copy(x));
        path.pop();
      }
      cells += v.size;
      return out;
    }
    if (v instanceof Set) {
      const out = new Set();
      if (proto !== Set.prototype) Object.setPrototypeOf(out, proto as object);
      copies.set(v, out);
      path.push('<member>');
      for (const x of v) out.add(copy(x));
      path.pop();
      cells += v.size;
      return out;
    }
    if (v instanceof ArrayBuffer) {
      const out = v.slice(0);
      copies.set(v, out);
      cells += v.byteLength >> 3;
      return out;
    }
    if (ArrayBuffer.isView(v)) {
      path.push('buffer');
      const buf = copy(v.buffer) as ArrayBufferLike;
      path.pop();
      const out = v instanceof DataView
        ? new DataView(buf, v.byteOffset, v.byteLength)
        : TYPED.has(Object.getPrototypeOf(proto)) || TYPED.has(proto)
          ? new (v.constructor as TypedCtor)(buf, v.byteOffset, (v as unknown as { length: number }).length)
          : null;
      if (!out) throw new CloneError(where(), 'an unknown kind of typed array');
      copies.set(v, out);
      return out;
    }
    if (v instanceof WeakMap || v instanceof WeakSet || v instanceof WeakRef || v instanceof Promise) {
      throw new CloneError(where(), `a ${(v as object).constructor.name}, whose contents cannot be read`);
    }
    const src = v as Record<string, unknown>;
    const out = shallow(src, proto as object | null);
    copies.set(v, out);
    const keys = Object.keys(src);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const x = src[k];
      if ((typeof x === 'object' && x !== null) || typeof x === 'function') {
        path.push(k);
        const d = Object.getOwnPropertyDescriptor(src, k);
        if (d && d.get) throw new CloneError(where(), 'an accessor (getter) property');
        out[k] = copy(x);
        path.pop();
      }
    }
    if (Object.isFrozen(src)) Object.freeze(out);
    return out;
  }

  function copyArray(a: unknown[]): unknown[] {
    // slice keeps the array's elements kind (packed stays packed) and its holes.
    const out = a.slice();
    copies.set(a, out);
    const n = a.length;
    cells += n;
    for (let i = 0; i < n; i++) {
      const x = a[i];
      if ((typeof x === 'object' && x !== null) || typeof x === 'function') {
        path.push(i);
        out[i] = copy(x);
        path.pop();
      }
    }
    return out;
  }

  const value = copy(root) as T;
  return { value, copies, cells };
}
