"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A navigation link that marks itself as the current page (or the section it leads). */
export function NavLink({
  href,
  children,
  className = "",
}: {
  href: string;
  children: ReactNode;
  className?: string;
}) {
  const pathname = usePathname();
  const current = pathname === href || (href !== "/compliance" && pathname.startsWith(`${href}/`));
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
