/**
 * How rule paths map to JsonLogic `var` paths. The JsonLogic data is the `CustomerFacts` object
 * itself: `traits.country` reads `facts.traits.country`, `email` reads `facts.email`.
 */

const own = (proto: object) => Object.getOwnPropertyNames(proto);

/** Names every plain object answers through its prototype (`constructor`, `__proto__`, `toString`...). */
const INHERITED_BY_OBJECTS: ReadonlySet<string> = new Set(own(Object.prototype));

/**
 * Names some JSON value answers without owning them: a string's or list's `length` and methods,
 * a number's `toFixed`... Read from the running engine's prototypes, so a newer engine's methods count too.
 */
const INHERITED_BY_ANY_VALUE: ReadonlySet<string> = new Set(
  [
    Object.prototype,
    Array.prototype,
    String.prototype,
    Number.prototype,
    Boolean.prototype,
  ].flatMap(own),
);

const INDEX = /^\d+$/;

/**
 * Why JsonLogic's `var` would read something at this rule path where the interpreter sees no value,
 * or undefined when both read the same. The interpreter reads own keys of objects only; `var`
 * reads any property, so `traits.name.length` is a number to `var` when `name` is a string, and
 * `traits.tags.0` is the first tag. Such paths are not exported.
 */
export function unsafePathReason(path: string): string | undefined {
  if (!path.startsWith('traits.')) return undefined;
  const segments = path.slice('traits.'.length).split('.');
  const [first, ...rest] = segments;
  if (first !== undefined && INHERITED_BY_OBJECTS.has(first)) {
    return `"${first}" is a built-in property of every JavaScript object, so JsonLogic's "var" finds a value on every customer`;
  }
  for (const segment of rest) {
    if (INHERITED_BY_ANY_VALUE.has(segment) || INDEX.test(segment)) {
      return `"${segment}" is a built-in property or index of JavaScript strings, lists or numbers, so JsonLogic's "var" finds a value where Cairn sees none`;
    }
  }
  return undefined;
}

/** The `var` path for a rule path (they are the same string against the facts object). */
export const varPathOf = (rulePath: string): string => rulePath;

/**
 * The rule path for a `var` path: `traits.x` and the profile fields `email` and `createdAt` stay,
 * and any other name is a trait (react-querybuilder's flat field names): `country` → `traits.country`.
 */
export function rulePathOf(varPath: string): string {
  if (varPath.startsWith('traits.') || varPath === 'email' || varPath === 'createdAt')
    return varPath;
  return `traits.${varPath}`;
}
