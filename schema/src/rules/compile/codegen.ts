/**
 * The state of one compilation: the constants the generated code is bound to and the top-level
 * functions it declares. Generated source holds only identifiers made here (`k3`, `c7`, `g2`),
 * fixed keywords and operators: every value that comes from a rule (strings, numbers, lists,
 * regexes, paths, names, salts, instants) is a bound constant, so no rule can inject code.
 */
export class Codegen {
  /** Values bound into the generated code as `k0`, `k1`, ...; never written into the source. */
  readonly constants: unknown[] = [];
  /** Top-level function declarations, in order of creation. */
  readonly declarations: string[] = [];
  private readonly getters = new Map<string, string>();
  private next = 0;
  /** Whether the rule has trait conditions: `evaluate` then reads the traits and their shape once. */
  readsTraits = false;

  /**
   * Binds a value and returns the identifier the generated code reads it through. Strings are
   * bound internalized (see `internalized`).
   */
  constant(value: unknown): string {
    this.constants.push(typeof value === 'string' ? internalized(value) : value);
    return `k${this.constants.length - 1}`;
  }

  /**
   * Declares a top-level function and returns its name: `c` trait conditions, `q` property
   * conditions, `e` event conditions, `s` score and segment conditions, `r` random buckets, `g`
   * path getters.
   */
  declare(
    prefix: 'c' | 'q' | 'e' | 's' | 'r' | 'g',
    params: string,
    body: readonly string[],
  ): string {
    const name = `${prefix}${this.next++}`;
    const lines = body.flatMap((statement) => statement.split('\n')).map((line) => `  ${line}`);
    this.declarations.push([`function ${name}(${params}) {`, ...lines, '}'].join('\n'));
    return name;
  }

  /**
   * A function `(root, shape) => value` reading a dotted path like `valueAtPath` (own properties
   * only, never through an array or a non-object; undefined when a step is missing), one per
   * distinct path. `shape` is `shapeOf(root)` (see SHAPE_OF), computed once by the caller for all
   * the paths it reads from the same root. A property present with the value undefined reads as
   * missing, which it is for every predicate; inherited getters may run (JSON facts have none).
   */
  getter(keys: readonly string[]): string {
    const id = JSON.stringify(keys);
    let name = this.getters.get(id);
    if (name === undefined) {
      // A plain object (shape 1), the common case, in one test: a value found on it is its own
      // unless Object.prototype has the key (asked at run time: it may be polluted after
      // compiling). Any other shape reads the rest of the path with `valueAtKeys`.
      const path = this.constant(keys);
      const steps = keys.flatMap((key, i) => {
        const k = this.constant(key);
        return [
          ...(i === 0 ? [] : ['v = w;', 'shape = shapeOf(v);']),
          `if (shape !== 1) return valueAtKeys(v, ${path}, ${i});`,
          `w = v[${k}];`,
          `if (w === undefined || (${k} in objectProto && !hasOwn.call(v, ${k}))) return undefined;`,
        ];
      });
      name = this.declare('g', 'v, shape', ['let w;', ...steps, 'return w;']);
      this.getters.set(id, name);
    }
    return name;
  }
}

/**
 * Declared in every rule's code (so its property-access feedback is the rule's own):
 * 0 when a value cannot hold keys (a primitive, null, an array), 1 for a plain object (prototype
 * Object.prototype: a key it does not share with Object.prototype is found only as its own), 2
 * for anything else (null prototype, class instances), where every step asks hasOwnProperty.
 * The prototype is asked first, as plain objects are the common case; `v.length === undefined`
 * (a miss V8 answers from the object's hidden class) spares plain objects the `isArray` call (an
 * array given Object.prototype as its prototype still reads as 0). `v.__proto__` reads the
 * prototype as fast as a property (Object.getPrototypeOf is a call V8 does not inline here); an
 * own "__proto__" key (JSON.parse makes one) is never Object.prototype itself, so such objects
 * take the hasOwnProperty path. (Only an object built in code with a prototype other than
 * Object.prototype *and* an own "__proto__" property holding Object.prototype would be misread;
 * customer facts are data and never look like that.)
 */
export const SHAPE_OF = [
  'function shapeOf(v) {',
  '  if (v === null || v === undefined) return 0;',
  '  if (v.__proto__ === objectProto) return v.length === undefined || !isArray(v) ? 1 : 0;',
  "  return typeof v !== 'object' || isArray(v) ? 0 : 2;",
  '}',
].join('\n');

/**
 * The same string, as the engine's one shared copy of it (V8 "internalizes" property keys). A key
 * made at run time (`path.split('.')`) is a fresh string: a property read through it must compare
 * characters where an internalized key compares pointers, and an event name compared with `!==`
 * to the (internalized) names in the facts likewise. Using the string as a property key and
 * reading the key back yields the internalized copy; the value is unchanged.
 */
function internalized(s: string): string {
  return Object.keys({ [s]: 0 })[0] ?? s;
}
