import { ruleDependencies, validateRule } from '@cairn/schema';
import type { SegmentOption } from '../rule-editor';

/**
 * The segments a rule may reference, each with the segments its own rule references (for the
 * editor's cycle check). A stored rule that does not read as a rule references nothing.
 *
 * @example
 * segmentOptions([{ id: 's1', name: 'VIP', rule }], 's2')
 */
export function segmentOptions(
  segments: readonly { readonly id: string; readonly name: string; readonly rule: unknown }[],
): SegmentOption[] {
  return segments.map((s) => {
    const read = validateRule(s.rule);
    return {
      id: s.id,
      name: s.name,
      references: read.ok ? ruleDependencies(read.rule).segmentIds : [],
    };
  });
}
