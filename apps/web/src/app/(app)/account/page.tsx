import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { ChangePasswordForm } from "@/features/account/change-password-form";
import { LanguageSetting } from "@/features/language/language-setting";

export const metadata: Metadata = { title: "Account" };

export default function AccountPage() {
  return (
    <>
      <PageHeader
        title="Account"
        description="Your password, your language and where you are signed in."
        actions={<LanguageSetting />}
      />
      <ChangePasswordForm />
    </>
  );
}
