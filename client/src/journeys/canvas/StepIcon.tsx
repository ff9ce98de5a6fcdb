import type { JourneyNodeKind } from '@cairn/schema';
import type { ReactNode } from 'react';

/** Line icons per step kind (16×16, drawn in the current colour; no icon font needed). */
const PATHS = {
  trigger: <path d="M9 1 3 9h4l-1 6 7-9H9z" fill="currentColor" stroke="none" />,
  wait: (
    <>
      <circle cx="8" cy="8" r="6" />
      <path d="M8 4.5V8l2.5 1.5" />
    </>
  ),
  condition: <path d="M8 1.5 14.5 8 8 14.5 1.5 8z" />,
  split: <path d="M8 14V8M8 8 3 3M8 8l5-5M3 3v3M3 3h3M13 3v3M13 3h-3" />,
  randomSplit: (
    <>
      <circle cx="4.5" cy="4.5" r="2" />
      <circle cx="11.5" cy="11.5" r="2" />
      <path d="M13 3 3 13" />
    </>
  ),
  action: (
    <>
      <rect x="1.5" y="3.5" width="13" height="9" rx="1.5" />
      <path d="m2 4.5 6 4.5 6-4.5" />
    </>
  ),
  goal: <path d="M3 15V2M3 2.5h9l-2 3 2 3H3" />,
  exit: (
    <>
      <path d="M9 2.5H3.5v11H9" />
      <path d="M7 8h7M11.5 5.5 14 8l-2.5 2.5" />
    </>
  ),
} as const satisfies Record<JourneyNodeKind, ReactNode>;

export function StepIcon({ kind }: { readonly kind: JourneyNodeKind }) {
  return (
    <svg
      className="step__glyph"
      viewBox="0 0 16 16"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {PATHS[kind]}
    </svg>
  );
}
