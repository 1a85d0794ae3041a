"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from "react";
import styles from "./toast.module.css";

type Tone = "info" | "success" | "error";
type ToastInput = {
  message: ReactNode;
  tone?: Tone;
  action?: { label: string; onClick: () => void };
  ms?: number;
  /** A toast with the same topic replaces the previous one instead of stacking. */
  topic?: string;
};
type ToastItem = ToastInput & { id: number };

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

/** Short, polite messages in one live region, so screen readers announce them too. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const counter = useRef(0);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback(
    (toast: ToastInput) => {
      counter.current += 1;
      const id = counter.current;
      setToasts((all) => [
        ...all.filter((t) => !toast.topic || t.topic !== toast.topic).slice(-2),
        { ...toast, id },
      ]);
      setTimeout(() => dismiss(id), toast.ms ?? 4000);
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext value={value}>
      {children}
      <div className={styles.region} aria-live="polite" role="status">
        {toasts.map((t) => (
          <div key={t.id} className={`${styles.toast} ${styles[t.tone ?? "info"]}`}>
            <span>{t.message}</span>
            {t.action ? (
              <button
                type="button"
                className={styles.action}
                onClick={() => {
                  t.action?.onClick();
                  dismiss(t.id);
                }}
              >
                {t.action.label}
              </button>
            ) : null}
          </div>
        ))}
      </div>
    </ToastContext>
  );
}

export function useToast(): (toast: ToastInput) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error("useToast needs a ToastProvider");
  return show;
}
