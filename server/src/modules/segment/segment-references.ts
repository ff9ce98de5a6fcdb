import { assertUnreachable, type RuleDocument, type RuleNode } from '@cairn/schema';

/** The ids of the segments a rule's `segment` conditions name, each once. */
export function segmentReferences(rule: RuleDocument): string[] {
  const ids = new Set<string>();
  const visit = (n: RuleNode): void => {
    switch (n.kind) {
      case 'all':
      case 'any':
        n.children.forEach(visit);
        return;
      case 'not':
        visit(n.child);
        return;
      case 'segment':
        ids.add(n.segmentId);
        return;
      case 'trait':
      case 'event':
      case 'score':
      case 'consent':
      case 'randomBucket':
        return;
      default:
        assertUnreachable(n);
    }
  };
  visit(rule.root);
  return [...ids];
}
