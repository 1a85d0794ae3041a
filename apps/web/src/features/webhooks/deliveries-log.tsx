"use client";

import type { TWebhookDelivery } from "@arbiter/shared";
import { Badge, type BadgeTone, RelativeTime } from "@/components/ui";
import tableStyles from "@/components/ui/table.module.css";

const TONE: Record<TWebhookDelivery["status"], BadgeTone> = {
  PENDING: "warning",
  DELIVERED: "success",
  FAILED: "danger",
};

/** The latest deliveries of one endpoint: what was sent, how the receiver answered, what comes next. */
export function DeliveriesLog({ deliveries }: { deliveries: TWebhookDelivery[] }) {
  if (deliveries.length === 0) return <p>No deliveries yet. Send a test event to try the endpoint.</p>;
  return (
    <div className={tableStyles.wrap}>
      <table className={tableStyles.table} data-testid="deliveries">
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Response</th>
            <th scope="col">Duration</th>
            <th scope="col">Next retry / delivered</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id} data-testid="delivery-row" data-status={d.status}>
              <td>
                <code>{d.eventType}</code>
              </td>
              <td>
                <Badge tone={TONE[d.status]}>{d.status.toLowerCase()}</Badge>
              </td>
              <td>{d.attempts}</td>
              <td>
                {d.statusCode ?? "—"}
                {d.error ? <div>{d.error}</div> : null}
              </td>
              <td>{d.durationMs === null ? "—" : `${d.durationMs} ms`}</td>
              <td>
                {d.deliveredAt ? (
                  <RelativeTime iso={d.deliveredAt} />
                ) : d.nextRetryAt ? (
                  <>
                    retry <RelativeTime iso={d.nextRetryAt} />
                  </>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
