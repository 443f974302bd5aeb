import Link from "next/link";
import type { ReactNode } from "react";
import { SubmitButton } from "@/components/ui/button";
import { type Actor, can, type Permission } from "@/lib/authz/permissions";
import { ROLE_LABELS } from "@/lib/authz/roles";

const NAVIGATION: ReadonlyArray<{ href: string; label: string; permission: Permission }> = [
  { href: "/compliance", label: "Compliance queue", permission: "compliance:work" },
  { href: "/compliance/insights", label: "Insights", permission: "compliance:work" },
  { href: "/concerns", label: "My concerns", permission: "concerns:file" },
  { href: "/notices", label: "Notices about my posts", permission: "notices:respond" },
  { href: "/admin/users", label: "Users", permission: "users:manage" },
  { href: "/admin/departments", label: "Departments", permission: "users:manage" },
  { href: "/admin/settings", label: "Settings", permission: "users:manage" },
  { href: "/admin/email-deliveries", label: "Failed emails", permission: "users:manage" },
  { href: "/admin/reopen-case", label: "Reopen a case", permission: "users:manage" },
];

export function AppShell({
  actor,
  unreadNotifications,
  showMailbox,
  signOutAction,
  children,
}: {
  actor: Actor;
  unreadNotifications: number;
  /** Only where the launcher captures mail for development. */
  showMailbox: boolean;
  signOutAction: () => Promise<void>;
  children: ReactNode;
}) {
  const links = NAVIGATION.filter((item) => can(actor, item.permission));
  return (
    <div className="min-h-dvh">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="font-bold text-brand-700">
            Peer Concerns
          </Link>
          <nav aria-label="Main" className="flex flex-wrap gap-4 text-sm">
            {links.map((link) => (
              <Link key={link.href} href={link.href} className="py-2 hover:underline">
                {link.label}
              </Link>
            ))}
            <Link href="/preferences/email" className="py-2 hover:underline">
              Preferences
            </Link>
            {showMailbox ? (
              <Link href="/dev/mailbox" className="py-2 hover:underline">
                Development mailbox
              </Link>
            ) : null}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <Link
              href="/notifications"
              className="relative inline-flex min-h-11 items-center rounded-md px-2 hover:bg-slate-100"
              data-testid="notification-bell"
            >
              {/* An SVG, not an emoji: hospital desktops often lack emoji fonts. */}
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                className="h-5 w-5"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
                <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
              </svg>
              <span className="sr-only">Notifications, </span>
              <span
                className={
                  unreadNotifications
                    ? "ml-1 rounded-full bg-red-700 px-1.5 text-xs font-bold text-white"
                    : "sr-only"
                }
              >
                {unreadNotifications}
              </span>
              <span className="sr-only"> unread</span>
            </Link>
            <span className="text-slate-700">
              <span className="font-medium" data-testid="signed-in-as">
                {actor.name}
              </span>
              <span className="hidden sm:inline">
                {" "}
                · {actor.roles.map((role) => ROLE_LABELS[role]).join(", ")}
              </span>
            </span>
            <form action={signOutAction}>
              <SubmitButton variant="secondary">Sign out</SubmitButton>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
