import styles from "./misc.module.css";

/**
 * A key cap; `subtle` when it sits inside a button. A `hint` inside a control is hidden from
 * assistive technology, so the control's name stays its words ("Response A", not "Response A A").
 */
export function Kbd({
  children,
  subtle,
  hint,
}: {
  children: React.ReactNode;
  subtle?: boolean;
  hint?: boolean;
}) {
  return (
    <kbd
      className={subtle ? `${styles.kbd} ${styles.kbdSubtle}` : styles.kbd}
      aria-hidden={hint || undefined}
    >
      {children}
    </kbd>
  );
}
