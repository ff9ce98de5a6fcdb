import type { RowProblem } from './draft.types';

/** The problems of one row, under it: what is wrong and how to fix it. */
export function RowProblems({
  problems,
}: {
  readonly problems: readonly RowProblem[] | undefined;
}) {
  if (!problems || problems.length === 0) return null;
  return (
    <ul className="re-problems">
      {problems.map((p, i) => (
        <li
          key={`${p.code}-${i}`}
          className={`re-problem re-problem--${p.severity}`}
          data-testid="re-problem"
          data-code={p.code}
        >
          {p.severity === 'warning' ? 'Warning: ' : ''}
          {p.message}
        </li>
      ))}
    </ul>
  );
}
