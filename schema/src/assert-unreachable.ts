/**
 * Closes an exhaustive `switch` over a discriminated union: the compiler rejects the call when a
 * case is missing, and at run time it throws with the value that slipped through.
 *
 * @example
 * switch (node.kind) {
 *   case 'all': return ...;
 *   case 'any': return ...;
 *   default: return assertUnreachable(node);
 * }
 */
export function assertUnreachable(value: never): never {
  throw new Error(`Unreachable case reached with ${JSON.stringify(value)}`);
}
