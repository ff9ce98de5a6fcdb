import { useCallback, useRef, useState, type ReactNode } from 'react';
import { ToastContext, type Toast } from './ToastContext';
import './toast.css';

/** How long a toast stays, in milliseconds. */
export const TOAST_MS = 5_000;

/** Holds the toasts and shows them in a polite live region, newest last; each can be dismissed. */
export function ToastProvider({ children }: { readonly children: ReactNode }) {
  const [toasts, setToasts] = useState<readonly Toast[]>([]);
  const nextId = useRef(0);
  const dismiss = useCallback(
    (id: number) => setToasts((all) => all.filter((t) => t.id !== id)),
    [],
  );
  const show = useCallback(
    (kind: Toast['kind'], message: string) => {
      const id = ++nextId.current;
      setToasts((all) => [...all.slice(-3), { id, kind, message }]);
      window.setTimeout(() => dismiss(id), TOAST_MS);
    },
    [dismiss],
  );
  return (
    <ToastContext value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div
            key={t.id}
            className={`toast toast--${t.kind}`}
            data-testid="toast"
            data-kind={t.kind}
          >
            <span>{t.message}</span>
            <button
              type="button"
              className="toast__close"
              aria-label="Dismiss"
              onClick={() => dismiss(t.id)}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext>
  );
}
