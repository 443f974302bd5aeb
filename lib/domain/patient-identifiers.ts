/**
 * Patient details in free text, caught before they are stored (DOMAIN.md, "Patient details
 * (consideration (a))"). Finds the HIPAA Safe Harbor identifiers that turn up when a
 * physician describes or quotes a colleague's post, so the writer can remove them in one
 * step or confirm they are not patient details.
 *
 * Judgement calls, so the next reader need not rediscover them:
 * - Links are never findings: the post's own URL and pages cited are what a report is for.
 * - A phone number or email address is always a finding, whoever's it is: a detector cannot
 *   tell a patient's number from a clinic's, and confirming costs the writer one click.
 * - A bed or room number alone is not a finding; the name beside it is.
 * - A date is a finding only when tied to a person (birth, admission, discharge, death, a
 *   visit); a year alone never is, nor an age of 89 or under.
 * - A town or state alone is not a finding; a street, a ZIP or a postcode is.
 * - Case references (PC-000123) and names after "Dr" and other staff titles are never
 *   findings, nor the name of whoever "posted", "tweeted" or "wrote".
 *
 * Pure and dependency-free, so the form can run it as the person types and the server runs
 * the very same rules before storing.
 */
import { findAgesOverEightyNine, findPersonalDates } from "./patient-identifiers/dates-and-ages";
import { findNames } from "./patient-identifiers/names";
import {
  findCardNumbers,
  findLabelledNumbers,
  findPhoneNumbers,
  findSocialSecurityNumbers,
  findVehicleIdentificationNumbers,
} from "./patient-identifiers/numbers";
import {
  findEmails,
  findLinks,
  findNetworkAddresses,
} from "./patient-identifiers/online-identifiers";
import { findAddresses } from "./patient-identifiers/places";
import type { Finding } from "./patient-identifiers/text-scan";

export const PATIENT_IDENTIFIER_KINDS = [
  "name",
  "date",
  "age",
  "phone",
  "fax",
  "email",
  "ssn",
  "medical_record",
  "health_plan",
  "account",
  "licence",
  "vehicle",
  "device",
  "address",
  "ip_address",
  "other_number",
] as const;

export type PatientIdentifierKind = (typeof PATIENT_IDENTIFIER_KINDS)[number];

/** How each kind is named to the writer: "This text seems to contain a phone number." */
export const PATIENT_IDENTIFIER_LABELS: Readonly<Record<PatientIdentifierKind, string>> = {
  name: "a name",
  date: "a date tied to a person",
  age: "an age over 89",
  phone: "a phone number",
  fax: "a fax number",
  email: "an email address",
  ssn: "a social security number",
  medical_record: "a medical record number",
  health_plan: "a health plan or member number",
  account: "an account or card number",
  licence: "a licence, passport or ID card number",
  vehicle: "a vehicle plate or identification number",
  device: "a device serial number or identifier",
  address: "a street address or postal code",
  ip_address: "an IP address",
  other_number: "an identifying number",
};

export interface PatientIdentifierSpan {
  kind: PatientIdentifierKind;
  start: number;
  end: number;
}

/** What a redacted span becomes. */
export const REDACTED = "[removed]";

/**
 * The identifiers in `text`, sorted by start and never overlapping: findings that touch the
 * same characters are merged into one span whose kind is the surest finding's.
 */
export function findPatientIdentifiers(text: string): PatientIdentifierSpan[] {
  const links = findLinks(text);
  const numbers = [
    ...findEmails(text),
    ...findLabelledNumbers(text),
    ...findSocialSecurityNumbers(text),
    ...findPhoneNumbers(text),
    ...findNetworkAddresses(text),
    ...findVehicleIdentificationNumbers(text),
    ...findCardNumbers(text),
    ...findAddresses(text),
  ];
  const names = findNames(text);
  const findings = [
    ...numbers,
    ...names,
    ...findAgesOverEightyNine(text, names),
    ...findPersonalDates(text, [...names, ...numbers]),
  ].filter(
    (finding) => !links.some((link) => finding.start < link.end && link.start < finding.end),
  );
  return merge(findings);
}

function merge(findings: Finding[]): PatientIdentifierSpan[] {
  const sorted = findings.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Finding[] = [];
  for (const finding of sorted) {
    const last = merged.at(-1);
    if (!last || finding.start >= last.end) {
      merged.push({ ...finding });
      continue;
    }
    const surer =
      finding.strength > last.strength ||
      (finding.strength === last.strength && finding.end - finding.start > last.end - last.start);
    if (surer) last.kind = finding.kind;
    last.strength = Math.max(last.strength, finding.strength);
    last.end = Math.max(last.end, finding.end);
  }
  return merged.map(({ kind, start, end }) => ({ kind, start, end }));
}

/**
 * `text` with every span replaced by "[removed]". Spans may come back from a browser, so
 * ones outside the text are ignored and overlapping ones become one mark.
 */
export function redactPatientIdentifiers(
  text: string,
  spans: ReadonlyArray<{ start: number; end: number }>,
): string {
  const usable = spans
    .filter(
      ({ start, end }) =>
        Number.isInteger(start) &&
        Number.isInteger(end) &&
        start >= 0 &&
        start < end &&
        end <= text.length,
    )
    .sort((a, b) => a.start - b.start);
  let result = "";
  let at = 0;
  for (const { start, end } of usable) {
    if (start < at) {
      at = Math.max(at, end);
      continue;
    }
    result += text.slice(at, start) + REDACTED;
    at = end;
  }
  return result + text.slice(at);
}

/** The kinds found, each once, in the order of PATIENT_IDENTIFIER_KINDS: for the audit event. */
export function patientIdentifierKinds(
  spans: ReadonlyArray<{ kind: string }>,
): PatientIdentifierKind[] {
  const found = new Set(spans.map((span) => span.kind));
  return PATIENT_IDENTIFIER_KINDS.filter((kind) => found.has(kind));
}

/** "a name, a date tied to a person and a phone number": what the form tells the writer. */
export function describePatientIdentifiers(spans: ReadonlyArray<{ kind: string }>): string {
  const labels = patientIdentifierKinds(spans).map((kind) => PATIENT_IDENTIFIER_LABELS[kind]);
  if (labels.length <= 1) return labels[0] ?? "";
  return `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
}
