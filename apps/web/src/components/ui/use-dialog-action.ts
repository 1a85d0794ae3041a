"use client";

import { useState } from "react";
import { errorMessage } from "./error-message";

/**
 * Runs a dialog's action: busy while it runs, closes the dialog when it succeeds, and keeps it
 * open with the server's message when it fails, so nothing is silently lost.
 */
export function useDialogAction(onClose: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, setError, run };
}
