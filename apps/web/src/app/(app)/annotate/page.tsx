import type { TMyProjectsResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { MyProjectList } from "@/features/annotate/components/my-project-list";
import { LanguageSetting } from "@/features/language/language-setting";
import { serverGet } from "@/lib/server-api";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("projects"))("metaTitle") };
}

export default async function AnnotatePage() {
  const [{ projects }, t] = await Promise.all([
    serverGet<TMyProjectsResponse>("/me/projects"),
    getTranslations("projects"),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={<LanguageSetting />} />
      <MyProjectList projects={projects} />
    </>
  );
}
