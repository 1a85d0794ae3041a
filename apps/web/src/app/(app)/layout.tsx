import { cookies } from "next/headers";
import { AppShell } from "@/features/shell/app-shell";
import { parseTheme, THEME_COOKIE } from "@/features/shell/theme";
import { requireUser } from "@/lib/server-api";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <AppShell user={user} theme={theme}>
      {children}
    </AppShell>
  );
}
