import type { Sort } from "./sort";
import styles from "./table.module.css";

/** A column header that sorts; aria-sort tells screen readers the current order. */
export function SortHeader<K extends string>({
  label,
  column,
  sort,
  onSort,
  numeric,
  title,
}: {
  label: string;
  column: K;
  sort: Sort<K>;
  onSort: (column: K) => void;
  numeric?: boolean;
  title?: string;
}) {
  const active = sort.key === column;
  return (
    <th
      scope="col"
      className={numeric ? styles.num : undefined}
      aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}
      title={title}
    >
      <button type="button" className={styles.sortButton} onClick={() => onSort(column)}>
        {label}
        {active ? (
          <span className={styles.sortArrow} aria-hidden>
            {sort.dir === "asc" ? "▲" : "▼"}
          </span>
        ) : null}
      </button>
    </th>
  );
}
