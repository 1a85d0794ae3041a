"use client";

import { ErrorState } from "@/components/ui";

export default function AppError({ error, reset }: { error: Error; reset: () => void }) {
  return <ErrorState message={error.message || "The page could not be loaded."} onRetry={reset} />;
}
