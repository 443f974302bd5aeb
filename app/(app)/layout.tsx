import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/authz/current-actor";
import { isMailCaptureOn } from "@/lib/notifications/mail-config";
import { countUnreadNotifications } from "@/lib/queries/notifications";
import { signOutAction } from "./sign-out-action";

// The layout only draws the frame; each page and action checks access for itself,
// because a layout does not re-run on every navigation or server action.
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const unread = await countUnreadNotifications(getDb(), actor);
  return (
    <AppShell
      actor={actor}
      unreadNotifications={unread}
      showMailbox={isMailCaptureOn()}
      signOutAction={signOutAction}
    >
      {children}
    </AppShell>
  );
}
