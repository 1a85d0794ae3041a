import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { ApiKeysCard } from "@/features/account/api-keys-card";
import { ChangePasswordForm } from "@/features/account/change-password-form";
import { MyDataCard } from "@/features/account/my-data-card";
import { LanguageSetting } from "@/features/language/language-setting";
import { requireUser } from "@/lib/server-api";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <>
      <PageHeader
        title="Account"
        description="Your password, your language, your API keys and the data held about you."
        actions={<LanguageSetting />}
      />
      <ChangePasswordForm />
      {user.role === "ANNOTATOR" ? null : <ApiKeysCard />}
      <MyDataCard />
    </>
  );
}
