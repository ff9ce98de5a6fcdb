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

  /** Binds a value and returns the identifier the generated code reads it through. */
  constant(value: unknown): string {
    this.constants.push(value);
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
      // Own-property test without calling hasOwnProperty in the common case: a value found on a
      // plain object is its own unless Object.prototype has the key.
      const steps = keys.flatMap((key, i) => {
        const k = this.constant(key);
        const shape = i === 0 ? [] : ['shape = shapeOf(v);'];
        return [
          ...shape,
          'if (shape === 0) return undefined;',
          `w = v[${k}];`,
          'if (w === undefined) return undefined;',
          `if ((shape === 2 || ${k} in objectProto) && !hasOwn.call(v, ${k})) return undefined;`,
          'v = w;',
        ];
      });
      name = this.declare('g', 'v, shape', ['let w;', ...steps, 'return v;']);
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
 * `v.__proto__` reads the prototype as fast as a property (Object.getPrototypeOf is a call V8
 * does not inline here); an own "__proto__" key (JSON.parse makes one) is never Object.prototype
 * itself, so such objects take the hasOwnProperty path. (Only an object built in code with a
 * prototype other than Object.prototype *and* an own "__proto__" property holding
 * Object.prototype would be misread; customer facts are data and never look like that.)
 */
export const SHAPE_OF = [
  'function shapeOf(v) {',
  "  if (typeof v !== 'object' || v === null || isArray(v)) return 0;",
  '  return v.__proto__ === objectProto ? 1 : 2;',
  '}',
].join('\n');
