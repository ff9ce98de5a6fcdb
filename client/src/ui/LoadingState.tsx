/** A centred spinner with a label that says what is loading. */
export function LoadingState({ label }: { readonly label: string }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}
