import type { ReactNode } from 'react';

interface Props {
  readonly title: string;
  /** What to do next: a sentence, a link or a button. */
  readonly children?: ReactNode;
  readonly testId?: string;
}

/** Nothing to show, and what the user can do about it. */
export function EmptyState({ title, children, testId }: Props) {
  return (
    <section className="state state--empty" data-testid={testId}>
      <h2 className="state__title">{title}</h2>
      {children}
    </section>
  );
}
