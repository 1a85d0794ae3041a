import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { ChangePasswordForm } from "@/features/account/change-password-form";

export const metadata: Metadata = { title: "Account" };

export default function AccountPage() {
  return (
    <>
      <PageHeader title="Account" description="Your password and where you are signed in." />
      <ChangePasswordForm />
    </>
  );
}
