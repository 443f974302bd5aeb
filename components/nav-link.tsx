"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

const within = (pathname: string, href: string) =>
  pathname === href || pathname.startsWith(`${href}/`);

/**
 * A navigation link that marks itself as the current page, or as the section the page
 * belongs to; `others` are links deeper in its section that mark their own pages.
 */
export function NavLink({
  href,
  section = href,
  others = [],
  children,
  className = "",
}: {
  href: string;
  /** The pages it stands for, where that is wider than where it leads (all of Preferences). */
  section?: string;
  others?: readonly string[];
  children: ReactNode;
  className?: string;
}) {
  const pathname = usePathname();
  const current = within(pathname, section) && !others.some((other) => within(pathname, other));
  const exactlyHere = pathname === href;
  return (
    <Link
      href={href}
      aria-current={current ? (exactlyHere ? "page" : "location") : undefined}
      className={`${className} ${current ? "font-semibold text-brand-800 underline decoration-2 underline-offset-4" : "hover:underline"}`}
    >
      {children}
    </Link>
  );
}
