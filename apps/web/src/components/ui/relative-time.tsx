import { dateTime, relativeTime } from "./format";

/**
 * "3 minutes ago" with the exact time on hover. Server and browser render it at different
 * moments (and maybe in different time zones), so a differing text is expected, not a bug.
 */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  return (
    <time dateTime={iso} title={dateTime(iso)} className={className} suppressHydrationWarning>
      {relativeTime(iso)}
    </time>
  );
}

/** The absolute time, for the same reason marked as allowed to differ after hydration. */
export function AbsoluteTime({ iso, className }: { iso: string; className?: string }) {
  return (
    <time dateTime={iso} className={className} suppressHydrationWarning>
      {dateTime(iso)}
    </time>
  );
}
