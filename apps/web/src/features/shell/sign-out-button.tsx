"use client";

import { useState } from "react";
import { Button } from "@/components/ui";
import { browserApi, call } from "@/lib/api-client";

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    // Even if the call fails the session cookie may be gone; the sign-in page sorts it out.
    await call(browserApi.POST("/api/v1/auth/logout")).catch(() => undefined);
    window.location.assign("/sign-in");
  }
  return (
    <Button variant="ghost" size="sm" onClick={signOut} loading={busy}>
      Sign out
    </Button>
  );
}
