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

/** One deep copy in progress: what is copied so far, and where the walk is (for error paths). */
class Walk {
  readonly copies = new Map<object, object>();
  private readonly path: (string | number)[] = [];
  cells = 0;

  constructor(private readonly options: CloneOptions) {}

  private where(): string {
    return [this.options.rootName ?? 'root', ...this.path].map((p, i) => (i === 0 ? String(p) : typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
  }

  private fn(f: Function): unknown { // eslint-disable-line @typescript-eslint/no-unsafe-function-type
    const out = this.options.onFunction ? this.options.onFunction(this.path, f) : CLONE_REFUSE;
    if (out === CLONE_REFUSE) throw new CloneError(this.where(), `a function (${f.name || 'anonymous'}) is stored in the state`);
    return out;
  }

  copy(v: unknown): unknown {
    if (typeof v === 'function') return this.fn(v);
    if (typeof v !== 'object' || v === null) return v;
    const done = this.copies.get(v);
    if (done !== undefined) return done;
    this.cells++;
    if (Array.isArray(v)) return this.copyArray(v);
    const proto: unknown = Object.getPrototypeOf(v);
    if (v instanceof Map) return this.copyMap(v, proto as object);
    if (v instanceof Set) return this.copySet(v, proto as object);
    if (v instanceof ArrayBuffer) {
      const out = v.slice(0);
      this.copies.set(v, out);
      this.cells += v.byteLength >> 3;
      return out;
    }
    if (ArrayBuffer.isView(v)) return this.copyView(v, proto as object);
    if (v instanceof WeakMap || v instanceof WeakSet || v instanceof WeakRef || v instanceof Promise) {
      throw new CloneError(this.where(), `a ${(v as object).constructor.name}, whose contents cannot be read`);
    }
    return this.copyObject(v as Record<string, unknown>, proto as object | null);
  }

  private copyMap(v: Map<unknown, unknown>, proto: object): Map<unknown, unknown> {
    const out = new Map();
    if (proto !== Map.prototype) Object.setPrototypeOf(out, proto);
    this.copies.set(v, out);
    const path = this.path;
    for (const [k, x] of v) {
      path.push('<key>');
      const ck = this.copy(k);
      path[path.length - 1] = typeof k === 'string' || typeof k === 'number' ? k : '<entry>';
      out.set(ck, this.copy(x));
      path.pop();
    }
    this.cells += v.size;
    return out;
  }

  private copySet(v: Set<unknown>, proto: object): Set<unknown> {
    const out = new Set();
    if (proto !== Set.prototype) Object.setPrototypeOf(out, proto);
    this.copies.set(v, out);
    this.path.push('<member>');
    for (const x of v) out.add(this.copy(x));
    this.path.pop();
    this.cells += v.size;
    return out;
  }

  private copyView(v: ArrayBufferView, proto: object): ArrayBufferView {
    this.path.push('buffer');
    const buf = this.copy(v.buffer) as ArrayBufferLike;
    this.path.pop();
    const out = v instanceof DataView
      ? new DataView(buf, v.byteOffset, v.byteLength)
      : TYPED.has(Object.getPrototypeOf(proto)) || TYPED.has(proto)
        ? new (v.constructor as TypedCtor)(buf, v.byteOffset, (v as unknown as { length: number }).length)
        : null;
    if (!out) throw new CloneError(this.where(), 'an unknown kind of typed array');
    this.copies.set(v, out);
    return out;
  }

  private copyObject(src: Record<string, unknown>, proto: object | null): Record<string, unknown> {
    const out = shallow(src, proto);
    this.copies.set(src, out);
    const keys = Object.keys(src);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const x = src[k];
      if ((typeof x === 'object' && x !== null) || typeof x === 'function') {
        this.path.push(k);
        const d = Object.getOwnPropertyDescriptor(src, k);
        if (d && d.get) throw new CloneError(this.where(), 'an accessor (getter) property');
        out[k] = this.copy(x);
        this.path.pop();
      }
    }
    if (Object.isFrozen(src)) Object.freeze(out);
    return out;
  }

  private copyArray(a: unknown[]): unknown[] {
    // slice keeps the array's elements kind (packed stays packed) and its holes.
    const out = a.slice();
    this.copies.set(a, out);
    const n = a.length;
    this.cells += n;
    for (let i = 0; i < n; i++) {
      const x = a[i];
      if ((typeof x === 'object' && x !== null) || typeof x === 'function') {
        this.path.push(i);
        out[i] = this.copy(x);
        this.path.pop();
      }
    }
    return out;
  }
}

export function cloneGraph<T>(root: T, options: CloneOptions = {}): CloneResult<T> {
  const walk = new Walk(options);
  const value = walk.copy(root) as T;
  return { value, copies: walk.copies, cells: walk.cells };
}
