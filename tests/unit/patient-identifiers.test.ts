import { describe, expect, it } from "vitest";
import {
  describePatientIdentifiers,
  findPatientIdentifiers,
  PATIENT_IDENTIFIER_KINDS,
  PATIENT_IDENTIFIER_LABELS,
  patientIdentifierKinds,
  REDACTED,
  redactPatientIdentifiers,
} from "@/lib/domain/patient-identifiers";
import { PATIENT_IDENTIFIER_CORPUS } from "../fixtures/patient-identifiers-corpus";
import {
  type CorpusScores,
  scoreDetector,
  TARGET_CLEAN_FLAGGED,
  TARGET_RECALL,
} from "../support/patient-identifier-scores";

/** What the writer would see highlighted: each finding's kind and its text. */
function highlighted(text: string): Array<[string, string]> {
  return findPatientIdentifiers(text).map(({ kind, start, end }) => [kind, text.slice(start, end)]);
}

describe("finding patient identifiers, kind by kind", () => {
  it.each([
    // Names, after the cues a physician writes.
    ["name", "Mrs. Alvarez in room 12 refused her statins", "Alvarez"],
    ["name", "pt J. Whitfield asked for cigarettes", "J. Whitfield"],
    ["name", "my patient Desmond died overnight", "Desmond"],
    ["name", "the man in bay 3, Frank Delgado, had been drinking", "Frank Delgado"],
    ["name", "bed 16 Kaur needs a sitter", "Kaur"],
    ["name", "Patient: Colón, Rafael", "Colón, Rafael"],
    ["name", "her son, Tyrone, kept calling", "Tyrone"],
    ["name", "we discharged Samuel Osei today", "Samuel Osei"],
    ["name", "Sunita Rao (DOB 1 Aug 1979) is back", "Sunita Rao"],
    ["name", "the label read KOWALSKI, ANNA", "KOWALSKI, ANNA"],
    ["name", "the board said Harold Jenkins – chest pain", "Harold Jenkins"],
    ["name", "Mr O'Donnell-Price was rude", "O'Donnell-Price"],
    ["name", "the Rodriguez family (room 7) brought cookies", "Rodriguez"],
    // Dates tied to a person, written in several ways.
    ["date", "DOB 04/17/1952", "04/17/1952"],
    ["date", "she was admitted on March 3 after a fall", "March 3"],
    ["date", "discharged 12 January and back the next day", "12 January"],
    ["date", "date of death 2024-08-19", "2024-08-19"],
    ["date", "born on the 4th of July, 1931", "the 4th of July, 1931"],
    ["date", "DOB: 1.3.1940", "1.3.1940"],
    ["date", "a patient born in 1928 who still drives", "1928"],
    // Ages over 89.
    ["age", "a 92-year-old woman", "92"],
    ["age", "a 101 yo boxer", "101"],
    ["age", "aged 95, lives alone", "95"],
    ["age", "93M with a hip fracture", "93"],
    ["age", "Ninety-six years old and still flirting", "Ninety-six"],
    ["age", "she's 93 and confused", "93"],
    // Phone and fax numbers, US and international.
    ["phone", "call her on (312) 555-0187", "(312) 555-0187"],
    ["phone", "his cell 786.555.0199", "786.555.0199"],
    ["phone", "number +44 7700 900418", "+44 7700 900418"],
    ["phone", "ring +33 1 23 45 67 89", "+33 1 23 45 67 89"],
    ["phone", "mobile 0161 496 0732", "0161 496 0732"],
    ["phone", "home phone 555-0148", "555-0148"],
    ["phone", "work phone (208) 555-0133 ext. 204", "(208) 555-0133 ext. 204"],
    ["fax", "Fax to (617) 555-0143", "(617) 555-0143"],
    // Email, SSN and the numbered identifiers.
    ["email", "her email is betty.harlow52@mail.example", "betty.harlow52@mail.example"],
    ["ssn", "SSN 412-68-0935 on file", "412-68-0935"],
    ["ssn", "gave his social as 301 22 9074", "301 22 9074"],
    ["ssn", "the last four of her SSN, 6621", "6621"],
    ["medical_record", "MRN 00482913", "00482913"],
    ["medical_record", "medical record #: 0093-4471-2", "0093-4471-2"],
    ["medical_record", "NHS number 943 476 5919", "943 476 5919"],
    ["health_plan", "member ID XEH442019837", "XEH442019837"],
    ["health_plan", "Medicare number 1EG4-TE5-MK73", "1EG4-TE5-MK73"],
    ["health_plan", "insurance policy number POL-5590021834", "POL-5590021834"],
    ["account", "account number 88120447-03", "88120447-03"],
    ["account", "card ending in 4417", "4417"],
    ["account", "paid with 4111 1111 1111 1111", "4111 1111 1111 1111"],
    ["licence", "driver's license number D412-7789-2201", "D412-7789-2201"],
    ["licence", "passport no. K8812093", "K8812093"],
    ["vehicle", "plate 7KDL392", "7KDL392"],
    ["vehicle", "licence plate KX19 ABC", "KX19 ABC"],
    ["vehicle", "VIN visible: 1FTFW1ET5DFC10312", "1FTFW1ET5DFC10312"],
    ["device", "pacemaker serial number PJN604281S", "PJN604281S"],
    ["device", "MAC 00:1A:2B:3C:4D:5E", "00:1A:2B:3C:4D:5E"],
    ["ip_address", "his IP is 203.0.113.54", "203.0.113.54"],
    ["ip_address", "log showed 2001:db8:85a3::8a2e:370:7334", "2001:db8:85a3::8a2e:370:7334"],
    ["other_number", "coroner's case #2024-01183", "2024-01183"],
    ["other_number", "Rx# 6620145", "6620145"],
    // Addresses and postal codes.
    ["address", "lives at 42 Larch Ave", "42 Larch Ave"],
    [
      "address",
      "sent to 2207 N. Maple St, Apt 3C, Boise, ID 83702.",
      "2207 N. Maple St, Apt 3C, Boise, ID 83702",
    ],
    ["address", "from Cedar Falls, IA 50613", "Cedar Falls, IA 50613"],
    ["address", "ZIP code 60614", "60614"],
    ["address", "postcode SW1A 1AA", "SW1A 1AA"],
    ["address", "16 Rue des Lilas, Apt 2", "16 Rue des Lilas, Apt 2"],
    ["address", "P.O. Box 4417", "P.O. Box 4417"],
  ])("finds %s in %j", (kind, text, expected) => {
    expect(highlighted(text)).toContainEqual([kind, expected]);
  });

  it("finds each name in a list of them", () => {
    expect(highlighted("the OR list showed patient names: Garcia, Lee and Patel.")).toEqual([
      ["name", "Garcia"],
      ["name", "Lee"],
      ["name", "Patel"],
    ]);
  });

  it("finds a name again wherever it recurs in the text", () => {
    expect(highlighted("Bed 5 is Gladys. Gladys is 103. Gladys has outlived 4 husbands.")).toEqual([
      ["name", "Gladys"],
      ["name", "Gladys"],
      ["age", "103"],
      ["name", "Gladys"],
    ]);
  });
});

describe("leaving ordinary text alone", () => {
  it.each([
    ["the post's own URL", "See https://x.com/drokafor/status/1784412093345123456 for the post."],
    ["a bare link", "He linked youtu.be/dQw4w9WgXcQ and www.example.org/page/12345678"],
    ["a doctor's name", "Dr. Sarah Okafor and Dr Priya Shah argued with Doctor Ellison."],
    ["a colleague who posts", "Sarah Okafor posted a photo; Mark Ellison, MD, replied."],
    ["a case reference", "This is the same post as PC-000123 and case PC-000124."],
    ["policy words", "The Social Media Policy, section 4.2, forbids sharing PHI."],
    ["doses", "5 mg of melatonin, 10 mg cetirizine, insulin glargine 20 units, 0.2 mg/kg."],
    ["vital signs", "BP 120/80, HR 88, RR 16, SpO2 97%, temp 38.9, Temp 99F."],
    ["lab values", "K 5.8, Na 138, WBC 18.2, CRP 212, INR 2.1, A1c 7.2%, pH 7.05."],
    ["times", "at 3pm, 14:30, 06:10, 2:14 am, 8:30-9:15pm."],
    ["years alone", "in 2024, since 1998, born in 1975, the class of 2009."],
    ["ages of 89 and under", "a 70-year-old, an 89-year-old, a 45 yo M, aged 75 and over."],
    ["a generic age group", "why 100-year-olds don't get cancer; patients aged 90 and over"],
    ["ward names", "Ward 7B, Ward 12 (Jubilee Wing), the ICU, OR 3, Building C."],
    ["the patient without a name", "The patient in bed 4 was lovely. The patient said thanks."],
    ["capitalised words at a sentence start", "Patient Safety Week is here. Code Brown in Room 3."],
    ["a post's date", "Dr. Hamid posted on 3/14/2024 about parking."],
    ["a conference date", "I'm speaking at the conference on 15 September in Chicago."],
    ["counts and percentages", "3,412 likes, 815 reposts, 92% success, 1.2M views, 12k viewers."],
    ["a phone extension and 911", "ring extension 4471 or call 911"],
    ["an article id", "PMID 31234567 and doi:10.1056/NEJMoa2034577 say otherwise."],
    ["a hospital's own address", "the entrance at 1 Medical Center Drive"],
    ["a UK consultant surgeon", "Mr Patel, the consultant orthopaedic surgeon, operated."],
    ["an unknown-patient placeholder", "the patient John Doe in bay 2"],
    [
      "scores and fractions near a cue",
      "admitted with pain 8/10, power 5/5, a 2/6 murmur; given 1/2 tab",
    ],
    ["a place before a verb of care", "a retired teacher from Ohio, died last week"],
    ["staff called by a title", "He mocked Mrs. Jones, the hospital's CEO, in a tweet."],
  ])("does not flag %s", (_, text) => {
    expect(highlighted(text)).toEqual([]);
  });
});

describe("the spans returned", () => {
  it("are sorted, within the text, never overlapping, and of a documented kind", () => {
    for (const { text } of PATIENT_IDENTIFIER_CORPUS) {
      const spans = findPatientIdentifiers(text);
      spans.forEach((span, index) => {
        expect(PATIENT_IDENTIFIER_KINDS).toContain(span.kind);
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeGreaterThan(span.start);
        expect(span.end).toBeLessThanOrEqual(text.length);
        if (index > 0) expect(span.start).toBeGreaterThanOrEqual(spans[index - 1]!.end);
      });
    }
  });

  it("merge findings that touch the same characters into one, of the surer kind", () => {
    // The MRN's label makes it a record number, even though its digits look like a phone number.
    expect(highlighted("MRN 415-555-0122")).toEqual([["medical_record", "415-555-0122"]]);
    expect(highlighted("12 Elm St, Springfield, IL 62704")).toEqual([
      ["address", "12 Elm St, Springfield, IL 62704"],
    ]);
  });

  it("name every kind for the writer", () => {
    for (const kind of PATIENT_IDENTIFIER_KINDS) {
      expect(PATIENT_IDENTIFIER_LABELS[kind]).toMatch(/^an? /);
    }
  });
});

describe("redacting what was found", () => {
  it("replaces each span with [removed] and keeps the rest of the text as written", () => {
    const text = "Mrs. Alvarez (DOB 04/17/1952) called from (312) 555-0187 again.";
    expect(redactPatientIdentifiers(text, findPatientIdentifiers(text))).toBe(
      `Mrs. ${REDACTED} (DOB ${REDACTED}) called from ${REDACTED} again.`,
    );
  });

  it("leaves nothing to find in any redacted text of the corpus", () => {
    for (const { text } of PATIENT_IDENTIFIER_CORPUS) {
      const redacted = redactPatientIdentifiers(text, findPatientIdentifiers(text));
      expect(findPatientIdentifiers(redacted), redacted).toEqual([]);
    }
  });

  it("ignores spans outside the text and joins overlapping ones, as spans from a browser may be", () => {
    const text = "call 555-204-7781 now";
    expect(
      redactPatientIdentifiers(text, [
        { start: 9, end: 17 },
        { start: 5, end: 12 },
        { start: 30, end: 40 },
        { start: -3, end: 2 },
        { start: 4, end: 4 },
        { start: 1.5, end: 3 },
      ]),
    ).toBe(`call ${REDACTED} now`);
    expect(redactPatientIdentifiers(text, [])).toBe(text);
  });
});

describe("summarising what was found", () => {
  const spans = findPatientIdentifiers("Mr Ames, DOB 1/3/1940, 555-204-7781, Mr Ames again");

  it("lists each kind once, in the documented order, for the audit event", () => {
    expect(patientIdentifierKinds(spans)).toEqual(["name", "date", "phone"]);
  });

  it("tells the writer what it found in words", () => {
    expect(describePatientIdentifiers(spans)).toBe(
      "a name, a date tied to a person and a phone number",
    );
    expect(describePatientIdentifiers([{ kind: "email" }])).toBe("an email address");
    expect(describePatientIdentifiers([])).toBe("");
  });
});

describe("the labelled corpus", () => {
  const identifying = PATIENT_IDENTIFIER_CORPUS.filter((entry) => entry.spans.length > 0);
  const clean = PATIENT_IDENTIFIER_CORPUS.filter((entry) => entry.spans.length === 0);

  it("holds at least 200 texts, about half with identifiers, labelled with documented kinds", () => {
    expect(PATIENT_IDENTIFIER_CORPUS.length).toBeGreaterThanOrEqual(200);
    expect(identifying.length).toBeGreaterThanOrEqual(100);
    expect(clean.length).toBeGreaterThanOrEqual(100);
    for (const { text, spans } of identifying) {
      for (const span of spans) {
        expect(PATIENT_IDENTIFIER_KINDS, text).toContain(span.kind);
        expect(text.slice(span.start, span.end).trim(), text).not.toBe("");
      }
    }
    expect(new Set(identifying.flatMap((entry) => entry.spans.map((span) => span.kind)))).toEqual(
      new Set(PATIENT_IDENTIFIER_KINDS),
    );
  });

  const scores: CorpusScores = scoreDetector(findPatientIdentifiers, PATIENT_IDENTIFIER_CORPUS);
  const listed = (excerpts: CorpusScores["misses"]) =>
    excerpts.map(({ kind, value, text }) => `[${kind}] ${value} in: ${text}`).join("\n");

  it(`finds at least ${TARGET_RECALL * 100}% of the labelled identifiers`, () => {
    expect(scores.recall, `missed:\n${listed(scores.misses)}`).toBeGreaterThanOrEqual(
      TARGET_RECALL,
    );
  });

  it(`flags at most ${TARGET_CLEAN_FLAGGED * 100}% of the clean texts`, () => {
    expect(scores.cleanFlaggedShare, `flagged:\n${listed(scores.falseAlarms)}`).toBeLessThanOrEqual(
      TARGET_CLEAN_FLAGGED,
    );
  });

  // A kind with five examples moves twenty points per miss, so each kind is held to a floor
  // that catches a rule gone missing rather than to the overall target.
  it("finds most identifiers of every kind", () => {
    for (const { kind, recall, found, expected } of scores.kinds) {
      expect(recall, `${kind}: ${found} of ${expected}`).toBeGreaterThanOrEqual(0.75);
    }
  });
});
