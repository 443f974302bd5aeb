/**
 * Signed-in cookies for the benchmark's people without a browser round trip each: a real
 * auth_sessions row and the same signed token Auth.js would set at sign-in, so the app
 * checks them exactly as it checks a person's cookie. Each session has passed its second
 * factor, as an officer's or administrator's must before it opens anything; without it
 * their pages answer with a redirect to the two-factor step, not the page.
 */
import { encode } from "next-auth/jwt";
import type pg from "pg";

const COOKIE = "authjs.session-token";
const MAX_AGE_SECONDS = 12 * 3600;

export async function sessionCookieFor(
  client: pg.Client,
  secret: string,
  email: string,
): Promise<string> {
  const [cookie] = await sessionCookiesFor(client, secret, [email]);
  if (!cookie) throw new Error(`no benchmark account ${email}`);
  return cookie;
}

export async function sessionCookiesFor(
  client: pg.Client,
  secret: string,
  emails: readonly string[],
): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `insert into auth_sessions (user_id, expires_at, second_factor_at)
     select u.id, now() + make_interval(secs => $2), now()
     from unnest($1::text[]) with ordinality as e(email, position)
     join users u on u.email = e.email
     order by e.position
     returning id`,
    [emails, MAX_AGE_SECONDS],
  );
  return Promise.all(
    rows.map(
      async ({ id }) =>
        `${COOKIE}=${await encode({ token: { sid: id }, secret, salt: COOKIE, maxAge: MAX_AGE_SECONDS })}`,
    ),
  );
}
