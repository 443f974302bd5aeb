"use server";

import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { trustedClientAddress } from "@/lib/auth/client-address";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import type { LoadedSession } from "@/lib/auth/session-store";
import { TWO_FACTOR_PATHS } from "@/lib/authz/current-actor";
import { homePathFor } from "@/lib/authz/permissions";
import { beginEnrolment } from "@/lib/services/two-factor/begin-enrolment";
import { confirmEnrolment } from "@/lib/services/two-factor/confirm-enrolment";
import { passSecondFactor } from "@/lib/services/two-factor/pass-second-factor";
import {
  confirmEnrolmentSchema,
  noInputSchema,
  secondFactorSchema,
} from "@/lib/services/two-factor/two-factor-schemas";

async function attemptOf(session: LoadedSession) {
  const { userId, sessionId, email } = session.reader;
  return {
    userId,
    sessionId,
    email,
    address: trustedClientAddress(await headers()),
    now: new Date(),
  };
}

export const passSecondFactorAction = formAction({
  allow: "password-passed",
  input: secondFactorSchema,
  run: async (session, input) => {
    await passSecondFactor(getDb(), await attemptOf(session), input);
    return session.reader;
  },
  done: (reader, { callbackUrl }) => ({
    redirect: safeRedirectPath(callbackUrl, homePathFor(reader)),
  }),
});

/** Used while signing in and from Preferences alike: a new secret to add to the app. */
export const beginEnrolmentAction = formAction({
  allow: "password-passed",
  input: noInputSchema,
  run: async (session) => {
    await beginEnrolment(getDb(), session.reader);
    return session.step;
  },
  done: (step) => ({
    redirect: step === "complete" ? "/preferences/two-factor" : TWO_FACTOR_PATHS.enrol,
  }),
});

export const confirmEnrolmentAction = formAction({
  allow: "password-passed",
  input: confirmEnrolmentSchema,
  run: async (session, input) => ({
    ...(await confirmEnrolment(getDb(), await attemptOf(session), input)),
    page: session.step === "complete" ? "/preferences/two-factor" : TWO_FACTOR_PATHS.enrol,
  }),
  // The page is drawn again without the key; the form keeps the codes this once.
  done: (result) => ({
    revalidate: result.page,
    message:
      "Two-factor sign-in is on. Keep these recovery codes somewhere safe: they are shown only now.",
    reveal: result.recoveryCodes,
  }),
});
