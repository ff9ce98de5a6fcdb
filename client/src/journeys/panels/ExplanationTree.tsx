/** A rule explanation node as the API returns it (`explain()`'s tree): a result on every node. */
interface Explained {
  readonly kind?: string;
  readonly result?: boolean;
  readonly path?: string;
  readonly name?: string;
  readonly op?: string;
  readonly children?: readonly Explained[];
  readonly child?: Explained;
  readonly facts?: unknown;
}

const describe = (n: Explained) =>
  [n.kind, n.path ?? n.name, n.op].filter((x) => typeof x === 'string').join(' · ');

/** The evaluated rule of a decision, each condition marked true or false. */
export function ExplanationTree({ node }: { readonly node: unknown }) {
  if (!node || typeof node !== 'object') return null;
  const n = node as Explained;
  const root = (n as { root?: Explained }).root ?? n;
  const kids = root.children ?? (root.child ? [root.child] : []);
  return (
    <ul className="explain">
      <li>
        <span className={root.result ? 'explain__yes' : 'explain__no'}>
          {root.result ? '✓' : '✗'}
        </span>{' '}
        {describe(root)}
        {root.facts !== undefined && (
          <code className="explain__facts">{JSON.stringify(root.facts).slice(0, 120)}</code>
        )}
        {kids.map((c, i) => (
          <ExplanationTree key={i} node={c} />
        ))}
      </li>
    </ul>
  );
}
