/** The words and patterns that make a capitalised word a patient's name, or not (names.ts). */
import type { Word } from "./text-scan";
import { RELATIONS, setOf } from "./word-lists";

export interface Span {
  start: number;
  end: number;
}

export interface NameOptions {
  /** Accept WHOLE-WORD CAPITALS, as on wristbands, boards and labels. */
  capitals: boolean;
  /** Accept "Surname, Given" and "Surname, I.". */
  surnameFirst: boolean;
}

export const STRICT: NameOptions = { capitals: false, surnameFirst: false };
export const LABELLED: NameOptions = { capitals: true, surnameFirst: true };

// Compared as written: "MS" is multiple sclerosis and "MR" mitral regurgitation.
export const TITLES = setOf("Mr Mrs Ms Miss Mx Mister Mme Mlle mr mrs ms");
export const PARTICLES = setOf("van von de der den del della da di du la le bin ibn al el");
export const PATIENT_WORDS = setOf("patient pt client resident donor decedent");
export const BED_WORDS = setOf(
  "bed bay room rm cubicle cube stretcher trolley chair bedspace cot crib",
);
export const CARE_VERBS = setOf(
  "admitted discharged readmitted treated intubated resuscitated examined saw seen visited triaged coded delivered",
);
// Followed by a colon, these introduce a name as a form or a board would: "Visitor for: …".
export const LABEL_WORDS = setOf("patient pt name resident client for re attn visitor");
export const NAMING_WORDS = setOf("named called re");
// Two-word cues: "this is Tanya Brooks", "known as", "goes by", "took care of".
export const PHRASES: Readonly<Record<string, string>> = {
  this: "is",
  known: "as",
  goes: "by",
  care: "of",
  looked: "after",
  cared: "for",
};
// Between a cue and the name: "patient is Carla", "the donor as Kevin Marsh".
export const LINKING_WORDS = setOf("is was as named called the");
// Every word that can open a cue, so most words are passed over with one lookup.
export const CUE_WORDS = new Set(
  [
    ...TITLES,
    ...LABEL_WORDS,
    ...Object.keys(PHRASES),
    ...PATIENT_WORDS,
    ...NAMING_WORDS,
    ...RELATIONS,
    ...CARE_VERBS,
    "name",
  ].map((word) => word.toLowerCase()),
);
// Unknown-patient placeholders identify nobody.
export const PLACEHOLDER = /^(?:John|Jane|Baby|J\.)\s+Doe$/;

export const STAFF_AFTER =
  /^,?\s+(?:(?:the|our|a|an|my|his|her)\s+)?(?:[\p{L}'’]+\s+)?(?:consultant|surgeon|registrar|attending|doctor|physician|colleague|anaesthetist|anesthetist|gp|professor|lecturer|nurse|resident|fellow|intern|cardiologist|radiologist|psychiatrist|pediatrician|paediatrician|oncologist|neurologist|hospitalist|internist|obstetrician|dermatologist|urologist|pathologist|ceo|cmo|director)\b/iu;
export const CREDENTIALS_AFTER =
  /^,?\s*(?:MD|DO|PhD|RN|NP|PA-C|PA|MBBS|MBChB|FRCS|FRCP|MRCP|DNP|PharmD|FACP|FACS)\b/;
// The one who posts is the colleague being reported.
export const POSTER_AFTER =
  /^(?:['’]s\s+(?:post|tweet|video|reel|story|account|page|profile|blog|thread|comment|feed|channel|podcast|article|caption|livestream)|\s+(?:posted|tweeted|wrote|writes|shared|said|says|commented|replied|retweeted|reposted|uploaded|published|claims?|claimed|argued|argues|boasted|boasts|added|responded|liked|livestreamed|tagged|mocked|mocks)|\s*\(@)\b/iu;

export const BELONGINGS =
  "chart|notes?|x-?rays?|scans?|mri|ct|results?|labs?|bloods?|ecg|ekg|wound|rash|tumou?r|biopsy|diagnosis|prognosis|medications?|meds|family|daughter|son|wife|husband|mother|father|room|bed|bracelet|wristband|discharge|admission|surgery|operation|records?|file|insurance|address|phone|number|dob|mrn|funeral|obituary";
// What, right after a capitalised word, shows it is a patient's name.
export const AFTER_NAME: Array<{ pattern: RegExp; options: NameOptions }> = [
  { pattern: new RegExp(String.raw`^['’]s\s+(?:${BELONGINGS})\b`, "i"), options: STRICT },
  {
    pattern:
      /^\s*[,(]\s*(?:(?:a|an|the)\s+)?(?:\d{1,3}\s*[-\s]?(?:years?|yrs?|y\/?o|yo)\b|\d{1,3}\s?[MF]\b|aged?\s+\d|d\.?o\.?b\b|born\b|b\.\s*\d|mrn\b|age\s*\d|(?:mother|father|son|daughter|wife|husband|patient|pt|next of kin|nok)\)|\d{1,3}\))/i,
    options: { capitals: true, surnameFirst: false },
  },
  {
    pattern: /^\s*[,(|]?\s*(?:d\.?o\.?b|mrn|mr#|rx#|acct|nhs|ssn|dos)(?![\p{L}])/iu,
    options: LABELLED,
  },
  {
    pattern:
      /^\s*,?\s*(?:(?:was|is|has\s+been|got|had\s+been)\s+)?(?:admitted|discharged|readmitted|intubated|extubated|transferred|died|passed\s+away|coded|presented|came\s+in|brought\s+in|rushed\s+in)\b/i,
    options: STRICT,
  },
  { pattern: /^\s+\d{1,3}\s?[MF]\b/, options: LABELLED },
];
// The first words of the descriptions above that follow a name after a space.
export const DESCRIPTION_STARTS = setOf(
  "was is has got had admitted discharged readmitted intubated extubated transferred died passed coded presented came brought rushed dob d mrn mr rx acct nhs ssn dos",
);
export const PLACE_PREPOSITIONS = setOf("from in at near to into across around outside");
// "it's Maeve, from the clinic", "I'm Tanya here": someone introducing themselves.
export const SELF_INTRODUCTION =
  /\b(?:it['’]?s|i['’]?m|i\s+am|my\s+name\s+is|name['’]s)\s+(?=[A-Z])/gi;
export const INTRODUCED = /^(?:\s*,|\s+here\b|\s+from\b|\s+again\b|\s*[.!]|\s+-)/;
export const FAMILY = /\bthe\s+(?=\p{Lu}[\p{Ll}'’-]+\s+family\b)/gu;
// "patient names: Garcia, Lee, Patel": a list, each name on its own.
export const NAME_LIST = /\bnames\s*:\s*/gi;

export const isMixedCase = (word: Word) => word.shape === "mixed";
export const isCapitals = (word: Word) => word.shape === "capitals";
export const isInitial = (word: Word) => word.shape === "initial";
export const isLowerCase = (word: Word) => word.shape === "lower";
