/**
 * How a concern reached Peer Concerns: filed by a physician on the web form, or recorded by
 * a compliance officer from a telephone call, a letter, a department chair or an external
 * body. Pure, so the form, the service and every reader's page word a channel alike.
 */

export const CONCERN_CHANNELS = [
  "web",
  "phone",
  "letter",
  "department_chair",
  "external_body",
] as const;
export type ConcernChannel = (typeof CONCERN_CHANNELS)[number];

/** The channels an officer records a concern from. */
export const RECORDED_CHANNELS = [
  "phone",
  "letter",
  "department_chair",
  "external_body",
] as const satisfies readonly ConcernChannel[];
export type RecordedChannel = (typeof RECORDED_CHANNELS)[number];

/** For the officer choosing how it arrived. */
export const CHANNEL_LABELS: Readonly<Record<ConcernChannel, string>> = {
  web: "Raised by a physician in Peer Concerns",
  phone: "By telephone",
  letter: "By letter",
  department_chair: "Through a department chair",
  external_body: "From an external body",
};

/**
 * How the colleague is told who raised a concern: the reporter's name when they chose to be
 * named, else "a colleague"; for a recorded concern, how it arrived and the source's name
 * only when the source chose to be named. Never the officer who recorded it.
 */
export function describeRaisedBy(
  channel: ConcernChannel,
  shownName: string | null,
): { label: string; text: string } {
  if (channel === "web") {
    return { label: "Raised by", text: shownName ?? "a colleague (confidential)" };
  }
  const how = CHANNEL_LABELS[channel];
  return {
    label: "How it was raised",
    text: shownName ? `${how}, by ${shownName}` : `${how}; who raised it is not named`,
  };
}

/**
 * Who raised a concern, for officers (the case file and its export): the reporter's
 * account, or, when the recording officer stands in for an anonymous or outside source,
 * that source and the officer acting for it; then how it arrived and who recorded it.
 */
export function describeSourceForOfficers(concern: {
  channel: ConcernChannel;
  reporterId: string;
  recordedById: string | null;
  recordedByName: string | null;
  sourceName: string | null;
  reporterName: string | null;
  reporterEmail: string | null;
}): { raisedBy: string; arrived: string | null } {
  const account = `${concern.reporterName ?? ""} (${concern.reporterEmail ?? ""})`;
  if (concern.channel === "web") return { raisedBy: account, arrived: null };
  const arrived = `${CHANNEL_LABELS[concern.channel]}, recorded by ${concern.recordedByName ?? "an officer"}`;
  if (concern.recordedById !== concern.reporterId) return { raisedBy: account, arrived };
  const source = concern.sourceName ?? "An anonymous source";
  return { raisedBy: `${source}, for whom ${account} acts as reporter`, arrived };
}

/** The sources an officer records: nobody named, a physician with an account, anyone else. */
export const RECORDED_SOURCES = ["anonymous", "physician", "outside"] as const;
export type RecordedSource = (typeof RECORDED_SOURCES)[number];
