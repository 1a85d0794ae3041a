import styles from "./misc.module.css";

/** A key cap; `subtle` when it sits inside a button. */
export function Kbd({ children, subtle }: { children: React.ReactNode; subtle?: boolean }) {
  return <kbd className={subtle ? `${styles.kbd} ${styles.kbdSubtle}` : styles.kbd}>{children}</kbd>;
}
