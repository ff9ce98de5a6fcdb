/** The evaluated rule as the server returns it (`Explanation` in `@cairn/schema`). */
export interface ExplanationNode {
  readonly kind: string;
  readonly id?: string;
  readonly result: boolean;
  readonly facts?: Readonly<Record<string, unknown>>;
  readonly children?: readonly ExplanationNode[];
}

const KIND_WORDS: Readonly<Record<string, string>> = {
  all: 'All of',
  any: 'Any of',
  not: 'Not',
};

/** Each evaluated node with ✓ or ✗ and the facts that decided it (value, count, score…). */
export function ExplanationTree({ node }: { readonly node: ExplanationNode }) {
  const facts = Object.entries(node.facts ?? {}).filter(([key]) => key !== 'eventIds');
  return (
    <div className="xnode" data-result={node.result}>
      <span
        className={`xnode__mark xnode__mark--${node.result ? 'yes' : 'no'}`}
        aria-label={node.result ? 'true' : 'false'}
      >
        {node.result ? '✓' : '✗'}
      </span>
      <span className="xnode__kind">{KIND_WORDS[node.kind] ?? node.kind}</span>
      {facts.length > 0 && (
        <span className="xnode__facts">
          {facts.map(([key, value]) => (
            <code key={key}>
              {key}: {JSON.stringify(value)}
            </code>
          ))}
        </span>
      )}
      {node.children && node.children.length > 0 && (
        <div className="xnode__children">
          {node.children.map((child, i) => (
            <ExplanationTree key={child.id ?? i} node={child} />
          ))}
        </div>
      )}
    </div>
  );
}
