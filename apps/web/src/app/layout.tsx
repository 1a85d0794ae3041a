import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { ToastProvider } from "@/components/ui";
import { parseTheme, THEME_COOKIE } from "@/features/shell/theme";
import "./globals.css";
import "./markdown.css";

export const metadata: Metadata = {
  title: { default: "Arbiter", template: "%s · Arbiter" },
  description: "Human preference comparisons for reward models and DPO",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  // Lets the labeling page's pinned answer bar pad itself clear of a phone's home indicator.
  viewportFit: "cover",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f6f7f9" },
    { media: "(prefers-color-scheme: dark)", color: "#0d0f13" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const locale = await getLocale();
  return (
    <html lang={locale} data-theme={theme === "system" ? undefined : theme}>
      <body>
        {/* Passes the one locale in use, and its messages, to client components. */}
        <NextIntlClientProvider>
          <ToastProvider>{children}</ToastProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
