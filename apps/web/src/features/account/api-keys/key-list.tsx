"use client";

import type { TApiKey } from "@arbiter/shared";
import { Badge, type BadgeTone, Button, dateTime, RelativeTime } from "@/components/ui";
import tableStyles from "@/components/ui/table.module.css";
import textStyles from "@/components/ui/text.module.css";
import styles from "./api-keys.module.css";
import { type KeyStatus, keyStatus } from "./key-rules";

const STATUS: Record<KeyStatus, [string, BadgeTone]> = {
  active: ["Active", "success"],
  expired: ["Expired", "warning"],
  revoked: ["Revoked", "neutral"],
};

export function KeyList({ keys, onRevoke }: { keys: TApiKey[]; onRevoke: (key: TApiKey) => void }) {
  return (
    <div className={tableStyles.wrap}>
      <table className={tableStyles.table}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
            <th scope="col" className={tableStyles.actions}>
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const status = keyStatus(key);
            const [label, tone] = STATUS[status];
            return (
              <tr key={key.id} data-testid="api-key-row" data-status={status}>
                <td>
                  <div className={textStyles.primaryText}>{key.name}</div>
                  <div className={`${textStyles.mono} ${textStyles.secondaryText}`}>{key.prefix}…</div>
                </td>
                <td className={styles.nowrap}>
                  <RelativeTime iso={key.createdAt} />
                </td>
                <td className={styles.nowrap} data-testid="api-key-last-used">
                  {key.lastUsedAt ? (
                    <RelativeTime iso={key.lastUsedAt} />
                  ) : (
                    <span className={textStyles.muted}>Never</span>
                  )}
                </td>
                <td className={styles.nowrap}>
                  {key.expiresAt ? (
                    <time dateTime={key.expiresAt} title={dateTime(key.expiresAt)} suppressHydrationWarning>
                      {new Date(key.expiresAt).toLocaleDateString("en", { dateStyle: "medium" })}
                    </time>
                  ) : (
                    <span className={textStyles.muted}>Never</span>
                  )}
                </td>
                <td>
                  <Badge tone={tone}>{label}</Badge>
                </td>
                <td className={tableStyles.actions}>
                  {status === "revoked" ? null : (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => onRevoke(key)}
                      aria-label={`Revoke ${key.name}`}
                    >
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
