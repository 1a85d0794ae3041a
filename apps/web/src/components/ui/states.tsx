import type { ReactNode } from "react";
import { Button } from "./button";
import styles from "./states.module.css";

export function EmptyState({
  icon = "◎",
  title,
  children,
  action,
  page = false,
}: {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  /** The state is the whole page (not found): its title is the page's heading. */
  page?: boolean;
}) {
  const Heading = page ? "h1" : "h2";
  return (
    <div className={styles.state}>
      <div className={styles.icon} aria-hidden>
        {icon}
      </div>
      <Heading className={styles.title}>{title}</Heading>
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
