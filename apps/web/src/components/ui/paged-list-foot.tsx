import { Button } from "./button";
import { Spinner } from "./spinner";
import table from "./table.module.css";

/** What the foot needs from a cursor-paged list (the shape `usePagedList` returns). */
export type PagedListState = {
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
  nextCursor: string | null;
  loadMore: () => Promise<void>;
};

/**
 * The strip under a paged table: a spinner while the first page loads, the error if a page
 * failed, and "Load more" while the server has more. Renders nothing once the list is complete.
 */
export function PagedListFoot({ list, loadingLabel }: { list: PagedListState; loadingLabel: string }) {
  if (!list.loading && !list.nextCursor && !list.error) return null;
  return (
    <div className={table.foot}>
      {list.loading ? <Spinner label={loadingLabel} /> : null}
      {list.error ? <span role="alert">{list.error}</span> : null}
      {list.nextCursor && !list.loading ? (
        <Button size="sm" onClick={() => void list.loadMore()} loading={list.loadingMore}>
          Load more
        </Button>
      ) : null}
    </div>
  );
}
