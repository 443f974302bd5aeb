import Link from "next/link";
import type { ReactNode } from "react";
import { NavLink } from "@/components/nav-link";
import { SubmitButton } from "@/components/ui/button";
import { type Actor, can, type Permission } from "@/lib/authz/permissions";
import { ROLE_LABELS } from "@/lib/authz/roles";

const NAVIGATION: ReadonlyArray<{ href: string; label: string; permission: Permission }> = [
  { href: "/compliance", label: "Compliance queue", permission: "compliance:work" },
  { href: "/compliance/insights", label: "Insights", permission: "compliance:work" },
  { href: "/concerns", label: "My concerns", permission: "concerns:follow" },
  { href: "/notices", label: "Notices about my posts", permission: "notices:respond" },
  { href: "/admin/users", label: "Users", permission: "users:manage" },
  { href: "/admin/departments", label: "Departments", permission: "users:manage" },
  { href: "/admin/settings", label: "Settings", permission: "users:manage" },
  { href: "/admin/email-deliveries", label: "Failed emails", permission: "users:manage" },
  { href: "/admin/security-log", label: "Security log", permission: "users:manage" },
  { href: "/admin/reopen-case", label: "Reopen a case", permission: "users:manage" },
  { href: "/role-requests", label: "Role requests", permission: "roles:approve" },
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
  const links: { href: string; label: string; section?: string }[] = [
    ...NAVIGATION.filter((item) => can(actor, item.permission)),
    { href: "/preferences/email", label: "Preferences", section: "/preferences" },
    ...(showMailbox ? [{ href: "/dev/mailbox", label: "Development mailbox" }] : []),
  ];
  const roles = actor.roles.map((role) => ROLE_LABELS[role]).join(", ");
  const signOut = (
    <form action={signOutAction}>
      <SubmitButton variant="secondary">Sign out</SubmitButton>
    </form>
  );
  return (
    <div className="min-h-dvh">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center gap-x-6 px-4 py-2">
          <Link href="/" className="font-bold text-brand-700">
            Peer Concerns
          </Link>
          {/* From 640 px the navigation is always in view. */}
          <nav aria-label="Main" className="hidden flex-wrap gap-x-4 text-sm sm:flex">
            {links.map((link) => (
              <NavLink
                key={link.href}
                href={link.href}
                section={link.section}
                others={deeperLinks(links, link.href)}
                className="py-2"
              >
                {link.label}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <NotificationBell unread={unreadNotifications} />
            <span className="hidden text-slate-700 sm:inline">
              <span className="font-medium" data-testid="signed-in-as">
                {actor.name}
              </span>{" "}
              · {roles}
            </span>
            <div className="hidden sm:block">{signOut}</div>
            {/* Below 640 px: one compact row, and the rest behind a menu that needs no script. */}
            <details className="group relative sm:hidden">
              <summary className="inline-flex min-h-11 cursor-pointer list-none items-center rounded-md border border-slate-300 px-3 font-semibold [&::-webkit-details-marker]:hidden">
                Menu
              </summary>
              <div className="absolute right-0 z-20 mt-2 w-64 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
                <p className="border-b border-slate-200 pb-2 text-slate-700">
                  <span className="font-medium">{actor.name}</span>
                  <span className="block text-xs">{roles}</span>
                </p>
                <nav aria-label="Main" className="flex flex-col py-1">
                  {links.map((link) => (
                    <NavLink
                      key={link.href}
                      href={link.href}
                      section={link.section}
                      others={deeperLinks(links, link.href)}
                      className="py-2.5"
                    >
                      {link.label}
                    </NavLink>
                  ))}
                </nav>
                <div className="border-t border-slate-200 pt-2">{signOut}</div>
              </div>
            </details>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}

/** Links within this one's section ("/compliance/insights" for "/compliance"). */
function deeperLinks(links: readonly { href: string }[], href: string): string[] {
  return links.map((link) => link.href).filter((other) => other.startsWith(`${href}/`));
}

function NotificationBell({ unread }: { unread: number }) {
  return (
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
          unread ? "ml-1 rounded-full bg-red-700 px-1.5 text-xs font-bold text-white" : "sr-only"
        }
      >
        {unread}
      </span>
      <span className="sr-only"> unread</span>
    </Link>
  );
}
