import type { TPool } from "@arbiter/shared";
import { count, EmptyState } from "@/components/ui";
import styles from "./setup.module.css";

/** Pools whose members will see the project; the list is what the caller may attach. */
export function PoolPicker({
  pools,
  selected,
  onChange,
  error,
}: {
  pools: TPool[];
  selected: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  if (pools.length === 0) return <NoPools />;
  return (
    <fieldset className={styles.plain}>
      <legend className={styles.groupLegend}>Annotator pools</legend>
      <p className={styles.groupHint}>
        Members of the pools you tick see the project as soon as it is created.
      </p>
      <ul className={styles.poolList}>
        {pools.map((p) => (
          <li key={p.id}>
            <label className={styles.check}>
              <input
                type="checkbox"
                checked={selected.includes(p.id)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...selected, p.id] : selected.filter((id) => id !== p.id))
                }
              />
              <span>
                {p.name}
                <small>
                  {count(p.memberCount)} {p.memberCount === 1 ? "member" : "members"}
                </small>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function NoPools() {
  return (
    <EmptyState icon="◌" title="No pools you can attach">
      An admin grants pools: they decide which researchers may open projects to each pool of annotators. Until
      then the project is open to its members only; you can attach pools later in its settings.
    </EmptyState>
  );
}
