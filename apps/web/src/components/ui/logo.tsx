import styles from "./misc.module.css";

/** The Arbiter mark, in the accent colour; the app bar and the pages outside the app show it. */
export function Logo({ size = 24 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden className={styles.logo}>
      <rect x="1" y="1" width="22" height="22" rx="6" fill="currentColor" />
      <path
        d="M7 16.5 12 6l5 10.5M8.9 12.6h6.2"
        stroke="var(--accent-text)"
        strokeWidth="2"
        fill="none"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
