import { redirect } from "next/navigation";
import { homeFor } from "@/lib/roles";
import { currentUser } from "@/lib/server-api";

export default async function Home() {
  const user = await currentUser();
  redirect(user ? homeFor(user.role) : "/sign-in");
}
