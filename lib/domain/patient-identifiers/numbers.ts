/**
 * Identifiers that are numbers or codes: read after their label ("MRN 00482913"), or known
 * by their shape alone (a phone number, a social security number, an IP address, a VIN).
 */
import type { PatientIdentifierKind } from "../patient-identifiers";
import { type Finding, LABELLED, SHAPED } from "./text-scan";

const NUMBER_WORD = "(?:number|num|nbr|no|#|id)";
const titled = (words: string) => String.raw`(?:${words})(?:\s*${NUMBER_WORD}\.?)?`;
const numbered = (words: string) => String.raw`(?:${words})\s*${NUMBER_WORD}\.?`;

interface LabelRule {
  kind: PatientIdentifierKind;
  label: string;
  minDigits: number;
  value?: RegExp;
}

/**
 * Labels that announce an identifier, by kind. A bare word that is also common English
 * ("card", "group", "policy") counts only with "number"/"no"/"#" after it, or with more
 * digits than a ward or a policy clause would have.
 */
const LABEL_RULES: LabelRule[] = [
  {
    kind: "ssn",
    label: titled(
      String.raw`(?:last\s+(?:4|four)(?:\s+digits)?\s+of\s+(?:(?:his|her|their|the)\s+)?)?(?:ssn|ss#|ss\s?no|social\s+security(?:\s+card)?|social\s+insurance|social|sin)`,
    ),
    minDigits: 4,
  },
  {
    kind: "medical_record",
    label: titled(
      String.raw`mrn|mr#|mr\s?no|m\.r\.n\.?|medical\s+record|med\s*rec|nhs|chi|accession|acc#|acc\s?no|hospital\s+(?:number|no|#|id)|unit\s+number|patient\s+(?:id|number|no|#)|pt\s+(?:id|#|no)|empi|mpi`,
    ),
    minDigits: 4,
  },
  {
    kind: "medical_record",
    label: numbered("record|chart|specimen|encounter|visit|sample"),
    minDigits: 4,
  },
  {
    kind: "health_plan",
    label: titled(
      String.raw`member(?:ship)?\s+(?:id|number|no|#)|subscriber|medicaid|medicare(?:\s+beneficiary\s+identifier)?|mbi|beneficiary|(?:health\s+)?insurance(?:\s+(?:policy|card|plan))?|health\s+plan|plan\s+(?:id|number|no|#)|group\s+(?:id|number|no|#)`,
    ),
    minDigits: 4,
  },
  { kind: "health_plan", label: "group", minDigits: 5 },
  { kind: "health_plan", label: numbered("policy"), minDigits: 6 },
  {
    kind: "account",
    label: titled(
      String.raw`account|acct\.?|a\/c|billing(?:\s+account)?|fin|financial|invoice|(?:credit|debit)\s+card|card\s+ending|bank\s+account|iban`,
    ),
    minDigits: 4,
  },
  { kind: "account", label: numbered("card"), minDigits: 4 },
  {
    kind: "account",
    label: String.raw`last\s+(?:4|four)(?:\s+digits)?\s+of\s+(?:(?:his|her|their|the|a)\s+)?(?:(?:credit|debit|bank)\s+)?(?:card|account)`,
    minDigits: 4,
  },
  { kind: "account", label: "card(?=\\s+ending)", minDigits: 4 },
  {
    kind: "licence",
    label: titled(
      String.raw`driver['’]?s['’]?\s+licen[cs]e|driving\s+licen[cs]e|dl#?|licen[cs]e|passport|state\s+id(?:\s+card)?|id\s+card|certificate\s+(?:number|no|#)|permit\s+(?:number|no|#)`,
    ),
    minDigits: 4,
  },
  {
    kind: "vehicle",
    label: titled(
      String.raw`(?:licen[cs]e|number|registration)\s+plates?|plates?|registration|reg|tag|vin|vehicle\s+identification`,
    ),
    minDigits: 2,
    value: /(?:[A-Z0-9]{1,8}[\s-])?[A-Z0-9]{1,17}(?![A-Za-z0-9])/y,
  },
  {
    kind: "device",
    label: titled(
      String.raw`serial|s\/n|sn|device(?:\s+(?:id|serial))?|udi|imei|mac\s+address|implant(?:\s+id)?|pacemaker\s+(?:id|serial)`,
    ),
    minDigits: 3,
  },
  {
    kind: "other_number",
    label: numbered(
      "case|claim|ticket|incident|file|reference|ref|order|requisition|prescription|rx|employee|staff|badge|wristband|armband|id",
    ),
    minDigits: 4,
  },
  {
    kind: "other_number",
    label: String.raw`claim|requisition|rx#?|employee\s+id|id#`,
    minDigits: 4,
  },
  {
    kind: "address",
    label: String.raw`zip(?:\s*code)?|zipcode|post\s*code|postal\s+code`,
    minDigits: 5,
    value: /(?:\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})(?![A-Za-z0-9])/y,
  },
];

// What may stand between a label and its value: "MRN: ", "number is ", "(last four ".
const FILLER =
  /(?:\s*(?:[:#=([,"“”'‘’]|[–—]|-(?=\s)|last\s+(?:4|four)(?:\s+digits)?(?:\s+of)?|ending(?:\s+in)?|ends\s+in|(?:number|num|nbr|nos?|id|is|was|as|of|reads?)\b\.?))*\s*/iy;
// A value holds a digit. It may open with a short prefix in capitals ("POL-", "AX "), and
// digit groups may be spaced ("219 44 7781"), but a word or a date after it is not part of it.
const VALUE =
  /(?:[A-Z]{1,4}[-\s](?=[A-Za-z0-9]*\d))?[A-Za-z0-9]*\d(?:[A-Za-z0-9]|[-.](?=[A-Za-z0-9])|\s(?=\d+(?!\w|[/.-]\w)))*/y;
const CASE_REFERENCE = /^PC-?\d+$/i;

// One pass finds where any label starts; each rule is then tried at that spot.
const ANY_LABEL = new RegExp(
  String.raw`(?<![A-Za-z\d])(?:${LABEL_RULES.map((rule) => rule.label).join("|")})(?![A-Za-z])`,
  "gi",
);
const LABEL_PATTERNS = LABEL_RULES.map((rule) => ({
  ...rule,
  pattern: new RegExp(`(?:${rule.label})(?![A-Za-z])`, "iy"),
}));

function digitsIn(value: string): number {
  return value.replace(/\D/g, "").length;
}

/** Numbers read after a label. Where two labels claim one number, the longer label wins. */
export function findLabelledNumbers(text: string): Finding[] {
  const byValue = new Map<number, Finding & { labelStart: number }>();
  ANY_LABEL.lastIndex = 0;
  for (let found = ANY_LABEL.exec(text); found; found = ANY_LABEL.exec(text)) {
    const labelStart = found.index;
    ANY_LABEL.lastIndex = labelStart + 1;
    for (const rule of LABEL_PATTERNS) {
      rule.pattern.lastIndex = labelStart;
      if (!rule.pattern.exec(text)) continue;
      FILLER.lastIndex = rule.pattern.lastIndex;
      FILLER.exec(text);
      const valuePattern = rule.value ?? VALUE;
      valuePattern.lastIndex = FILLER.lastIndex;
      const value = valuePattern.exec(text)?.[0].replace(/[-./\s]+$/, "");
      if (!value || digitsIn(value) < rule.minDigits || CASE_REFERENCE.test(value)) continue;
      const start = FILLER.lastIndex;
      const earlier = byValue.get(start);
      if (earlier && earlier.labelStart <= labelStart) continue;
      byValue.set(start, {
        kind: rule.kind,
        start,
        end: start + value.length,
        strength: LABELLED,
        labelStart,
      });
    }
  }
  return [...byValue.values()].map(({ labelStart: _, ...finding }) => finding);
}

const SSN = /(?<![\w-])\d{3}([- ])\d{2}\1\d{4}(?![\w-])/g;

export function findSocialSecurityNumbers(text: string): Finding[] {
  return [...text.matchAll(SSN)].map((match) => ({
    kind: "ssn",
    start: match.index,
    end: match.index + match[0].length,
    strength: SHAPED,
  }));
}

// A run of digits with the separators phone numbers use; each run is then checked against
// the forms below, so "BP 150/95", "23,401" or "2024-05-19" never qualify.
const PHONE_RUN =
  /(?<![\w@+/.,-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d[\d\s.-]{4,16}\d(?![\w/]|[.,-]\d)/g;
const NORTH_AMERICAN_FORMATTED =
  /^(?:\+?1[\s.-]?)?(?:\(\d{3}\)[\s.-]?|\d{3}[\s.-])\d{3}[\s.-]\d{4}$/;
const NORTH_AMERICAN_BARE = /^1?[2-9]\d{2}[2-9]\d{6}$/;
const INTERNATIONAL = /^\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,6}$/;
const NATIONAL = /^0\d{1,4}(?:[\s.-]\d{2,4}){1,3}$/;
const LOCAL = /^\d{3}[\s.-]\d{4}$/;
const EXTENSION = /\s*(?:ext\.?|extension|x)\s*\d{1,6}/iy;
const PHONE_CONTEXT =
  /\b(?:phone|tel|telephone|cell|mobile|call(?:ing)?|text|number|contact|fax|ph|whatsapp|home|work)\b[^.!?\n]{0,24}$/i;
const FAX_CONTEXT = /\bfax\b[^.!?\n]{0,24}$/i;

function isPhoneNumber(run: string, before: string): boolean {
  const digits = run.replace(/\D/g, "");
  if (NORTH_AMERICAN_FORMATTED.test(run)) return true;
  if (/^\d+$/.test(run)) return NORTH_AMERICAN_BARE.test(run);
  if (run.startsWith("+"))
    return digits.length >= 8 && digits.length <= 15 && INTERNATIONAL.test(run);
  if (NATIONAL.test(run)) return digits.length >= 9 && digits.length <= 11;
  return LOCAL.test(run) && PHONE_CONTEXT.test(before);
}

export function findPhoneNumbers(text: string): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(PHONE_RUN)) {
    const run = match[0].trim();
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    if (!isPhoneNumber(run, before)) continue;
    let end = match.index + run.length;
    EXTENSION.lastIndex = end;
    if (EXTENSION.exec(text)) end = EXTENSION.lastIndex;
    found.push({
      kind: FAX_CONTEXT.test(before) ? "fax" : "phone",
      start: match.index,
      end,
      strength: SHAPED,
    });
  }
  return found;
}

// Thirteen to nineteen digits, in fours or unbroken, that pass the Luhn check: a card number.
const CARD = /(?<![\w-])\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,7}(?![\w-])/g;

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

export function findCardNumbers(text: string): Finding[] {
  return [...text.matchAll(CARD)]
    .filter((match) => {
      const digits = match[0].replace(/\D/g, "");
      return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits);
    })
    .map((match) => ({
      kind: "account",
      start: match.index,
      end: match.index + match[0].length,
      strength: SHAPED,
    }));
}

// Seventeen characters without I, O or Q: the shape of a vehicle identification number.
const VIN = /(?<![A-Za-z0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Za-z0-9])/g;

export function findVehicleIdentificationNumbers(text: string): Finding[] {
  return [...text.matchAll(VIN)]
    .filter((match) => /(?:\d.*){3}/.test(match[0]) && /(?:[A-Z].*){2}/.test(match[0]))
    .map((match) => ({
      kind: "vehicle",
      start: match.index,
      end: match.index + 17,
      strength: SHAPED,
    }));
}
