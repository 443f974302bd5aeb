import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Peer Concerns",
  description: "Professional concerns about colleagues' online posts, handled peer-first.",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so each gets the fresh CSP nonce its scripts need
  // (a page prerendered at build time would have none, and its scripts would be blocked).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh bg-slate-50 text-slate-900 antialiased">
        <noscript>
          <style>{".js-only{display:none!important}.no-js-only{display:block!important}"}</style>
        </noscript>
        {children}
      </body>
    </html>
  );
}
