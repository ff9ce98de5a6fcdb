import { createContext, use } from 'react';

export interface Toast {
  readonly id: number;
  readonly kind: 'success' | 'error';
  readonly message: string;
}

/** Shows a short message in the corner (saved, archived, failed). */
export type ShowToast = (kind: Toast['kind'], message: string) => void;

export const ToastContext = createContext<ShowToast | null>(null);

/** `toast('success', 'Segment saved')`; only inside `ToastProvider`. */
export function useToast(): ShowToast {
  const show = use(ToastContext);
  if (!show) throw new Error('useToast must be called inside <ToastProvider>.');
  return show;
}
