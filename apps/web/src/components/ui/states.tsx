import type { ReactNode } from "react";
import { Button } from "./button";
import styles from "./states.module.css";

export function EmptyState({
  icon = "◎",
  title,
  children,
  action,
}: {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className={styles.state}>
      <div className={styles.icon} aria-hidden>
        {icon}
      </div>
      <h2 className={styles.title}>{title}</h2>
      {children ? (
        <div className={styles.text} data-prose>
          {children}
        </div>
      ) : null}
      {action ? <div className={styles.action}>{action}</div> : null}
    </div>
  );
}

export function ErrorState({
  title = "Something went wrong",
  message,
  onRetry,
  action,
}: {
  title?: string;
  message: string;
  onRetry?: () => void;
  action?: ReactNode;
}) {
  return (
    <div className={`${styles.state} ${styles.error}`} role="alert">
      <div className={styles.icon} aria-hidden>
        !
      </div>
      <h2 className={styles.title}>{title}</h2>
      <p className={styles.text}>{message}</p>
      <div className={styles.action}>
        {onRetry ? (
          <Button variant="primary" onClick={onRetry}>
            Try again
          </Button>
        ) : null}
        {action}
      </div>
    </div>
  );
}
