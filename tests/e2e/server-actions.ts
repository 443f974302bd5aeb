import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// The client half of React's reply encoding, the one Next.js's browser code uses to send
// an action's arguments; the server decodes it with the matching decodeReply.
const { encodeReply } = createRequire(import.meta.url)(
  "next/dist/compiled/react-server-dom-webpack/client.node",
) as { encodeReply(value: unknown): Promise<string | FormData> };

interface ServerReference {
  filename: string;
  exportedName: string;
}

/**
 * Every server action in the production build, keyed `file#export`, with the id a browser
 * sends in the Next-Action header. Read from the build, so an action added anywhere
 * (including one declared inline in a component) is listed.
 */
export function serverActionsInBuild(): Map<string, string> {
  const manifest = JSON.parse(
    readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as { node: Record<string, ServerReference> };
  const actions = new Map<string, string>();
  for (const [id, reference] of Object.entries(manifest.node)) {
    actions.set(`${reference.filename}#${reference.exportedName}`, id);
  }
  return actions;
}

/** What a form's action returned (lib/actions/action-state.ts), when it returned. */
export interface ReturnedState {
  status: string;
  message?: string;
  /** Where the form goes next by itself (formAction's `navigate: "separately"`). */
  goTo?: string;
}

export interface ActionAnswer {
  status: number;
  /**
   * Where the server told the browser to go: the action's redirect(), the address it
   * returned for the form to go to, or the proxy's redirect.
   */
  redirectedTo: string | null;
  returned: ReturnedState | null;
  /** The session cookie it set (`name=value`), when it signed someone in. */
  sessionCookie: string | null;
}

/**
 * Calls a server action the way the browser does, but directly: a POST to a page with the
 * action's id in `Next-Action` and its arguments in React's reply encoding. `cookie` is the
 * caller's whole Cookie header, or null for nobody's.
 */
export async function callServerAction(options: {
  baseURL: string;
  actionId: string;
  path: string;
  cookie: string | null;
  args: unknown[];
}): Promise<ActionAnswer> {
  const response = await fetch(new URL(options.path, options.baseURL), {
    method: "POST",
    redirect: "manual",
    body: await encodeReply(options.args),
    headers: {
      "Next-Action": options.actionId,
      Accept: "text/x-component",
      Origin: new URL(options.baseURL).origin,
      ...(options.cookie ? { Cookie: options.cookie } : {}),
    },
  });
  const actionRedirect = response.headers.get("x-action-redirect");
  const returned = returnedState(await response.text());
  const redirectedTo = actionRedirect
    ? actionRedirect.replace(/;(push|replace)$/, "")
    : (response.headers.get("location") ?? returned?.goTo);
  return {
    status: response.status,
    redirectedTo: redirectedTo ? pathOf(redirectedTo, options.baseURL) : null,
    returned,
    sessionCookie:
      response.headers
        .getSetCookie()
        .map((cookie) => cookie.split(";")[0]!)
        .find((cookie) => cookie.startsWith("authjs.session-token=")) ?? null,
  };
}

/** The form fields of an action's `(previousState, formData)` call, as a browser sends them. */
export function formArgs(fields: Record<string, string | string[]>): unknown[] {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
  }
  return [{ status: "idle" }, form];
}

export function pathOf(url: string, baseURL: string): string {
  const parsed = new URL(url, baseURL);
  return parsed.pathname + parsed.search;
}

// The response is a React Flight stream, one `id:json` row per line; the action's return
// value is the row holding an ActionState.
function returnedState(flight: string): ReturnedState | null {
  for (const line of flight.split("\n")) {
    const row = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    if (!row?.[1]?.startsWith('{"status":')) continue;
    return JSON.parse(row[1]) as ReturnedState;
  }
  return null;
}
