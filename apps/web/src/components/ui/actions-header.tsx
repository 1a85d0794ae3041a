import styles from "./table.module.css";

/** The header over a table's row actions: empty on screen, named for screen readers. */
export function ActionsHeader() {
  return (
    <th scope="col" className={styles.actions}>
      <span className="visually-hidden">Actions</span>
    </th>
  );
}
