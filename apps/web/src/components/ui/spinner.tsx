import styles from "./misc.module.css";

export function Spinner({ size = 18, label }: { size?: number; label?: string }) {
  const style = { width: size, height: size };
  if (!label) return <span className={styles.spinner} style={style} aria-hidden />;
  return <span className={styles.spinner} style={style} role="status" aria-label={label} />;
}
