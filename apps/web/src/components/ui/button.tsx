import Link from "next/link";
import type { ButtonHTMLAttributes, ComponentProps, ReactNode } from "react";
import styles from "./button.module.css";
import { Kbd } from "./kbd";
import { Spinner } from "./spinner";

type Look = {
  variant?: "primary" | "secondary" | "ghost" | "danger";
  size?: "sm" | "md" | "lg";
  block?: boolean;
};

function classes({ variant = "secondary", size = "md", block }: Look, extra?: string): string {
  return [styles.button, styles[variant], styles[size], block && styles.block, extra]
    .filter(Boolean)
    .join(" ");
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> &
  Look & {
    loading?: boolean;
    /** A keyboard shortcut shown inside the button. */
    shortcut?: string;
    icon?: ReactNode;
  };

export function Button({
  variant,
  size,
  block,
  loading,
  shortcut,
  icon,
  children,
  className,
  disabled,
  type = "button",
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={classes({ variant, size, block }, className)}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading ? <Spinner size={14} /> : icon}
      {children}
      {shortcut ? (
        <Kbd subtle hint>
          {shortcut}
        </Kbd>
      ) : null}
    </button>
  );
}

export function ButtonLink({ variant, size, block, className, ...rest }: ComponentProps<typeof Link> & Look) {
  return <Link className={classes({ variant, size, block }, className)} {...rest} />;
}

/** A plain anchor that looks like a button: downloads, which client-side navigation must not catch. */
export function ButtonAnchor({ variant, size, block, className, ...rest }: ComponentProps<"a"> & Look) {
  return <a className={classes({ variant, size, block }, className)} {...rest} />;
}
