import { ButtonLink, EmptyState } from "@/components/ui";

export default function NotFound() {
  return (
    <EmptyState page icon="?" title="Page not found" action={<ButtonLink href="/">Go home</ButtonLink>}>
      The page you asked for does not exist, or you are not allowed to see it.
    </EmptyState>
  );
}
