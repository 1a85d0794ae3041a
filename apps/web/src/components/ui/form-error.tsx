import formStyles from "./form.module.css";

/** The message of an action that failed, announced as it appears; nothing when there is none. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className={formStyles.error} role="alert">
      {message}
    </p>
  );
}
