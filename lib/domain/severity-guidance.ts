import { describeSpan } from "./deadlines";
import type { ConcernCategory, Severity } from "./policy-text";

/**
 * What the filing form tells a reporter so they can judge a post's severity honestly:
 * examples for each consideration, how often state medical boards say they would
 * investigate such conduct, and what each severity will lead to. Data, so the form, the
 * tests and any later page read one text.
 */

export const BOARD_SURVEY = {
  citation:
    "Greysen SR et al. Online professionalism investigations by state medical boards: first, do no harm. Annals of Internal Medicine 2013;158:124–130.",
  question:
    "the share of US state medical boards that said they would be likely to investigate a physician for such conduct online",
} as const;

export interface BoardFinding {
  conduct: string;
  /** Percent of the boards that answered. */
  percent: number;
}

export interface ConsiderationGuidance {
  examples: readonly string[];
  boards: readonly BoardFinding[];
}

export const CONSIDERATION_GUIDANCE: Readonly<Record<ConcernCategory, ConsiderationGuidance>> = {
  privacy: {
    examples: [
      "A photo from the ward or theatre in which a patient, their wristband, chart or a screen can be recognised.",
      "A story about “the man in bed 4 last night” that his family or neighbours could recognise, even without a name.",
      "Details of a case discussed in a public group or comment thread.",
    ],
    boards: [
      { conduct: "Posting images of patients without their consent", percent: 79 },
      { conduct: "Breaching patient confidentiality", percent: 65 },
    ],
  },
  patient_boundaries: {
    examples: [
      "Messaging a patient to ask them out, or flirting in their comments.",
      "Advising a patient on their own treatment in public comments or private messages, outside their care.",
      "Following a patient from a personal account and remarking on their private life.",
    ],
    boards: [{ conduct: "Inappropriate contact with patients", percent: 77 }],
  },
  undermining_trust: {
    examples: [
      "Claiming cure rates or results the evidence does not support.",
      "A title, board certification or qualification the colleague does not hold.",
      "Photos or videos of being drunk or high, above all at work or in scrubs.",
      "Jokes or slurs about a group of people, or mocking patients as “frequent flyers” or “drug seekers”.",
    ],
    boards: [
      { conduct: "Misleading claims about treatment outcomes", percent: 81 },
      { conduct: "Misrepresenting credentials", percent: 77 },
      { conduct: "Appearing intoxicated", percent: 73 },
      { conduct: "Discriminatory speech", percent: 60 },
      { conduct: "Derogatory speech about patients", percent: 46 },
    ],
  },
  other: {
    examples: [
      "Anything else you believe breaks a professional norm, such as harassing a colleague online. Name the norm in the field below.",
    ],
    boards: [],
  },
};

/** Every finding of the survey, most often investigated first. */
export function boardFindings(): BoardFinding[] {
  return Object.values(CONSIDERATION_GUIDANCE)
    .flatMap((guidance) => guidance.boards)
    .sort((a, b) => b.percent - a.percent);
}

/**
 * What each severity leads to, from the workflow's rules (DOMAIN.md, "A concern's life"):
 * both start with the peer step; only a significant case that stays unresolved reaches
 * the compliance team. `remediationWindowMs` is the organisation's response window.
 */
export function severityConsequences(
  remediationWindowMs: number,
): Readonly<Record<Severity, readonly string[]>> {
  const window = describeSpan(remediationWindowMs);
  return {
    appears_unprofessional: [
      `Your colleague gets a notice at once and has ${window} to remove the post, change it or explain.`,
      "You confirm their answer or say it is not enough; the concern stays between the two of you.",
      "If they do nothing, the concern closes as lapsed. It still counts if other colleagues raise concerns about them within a year.",
    ],
    significantly_violates_norms: [
      `Your colleague gets a notice at once and has ${window} to remove the post, change it or explain.`,
      "If they do nothing by then, or you reject their answer, the case goes to the compliance team.",
      "The compliance team reads the whole case and decides: no violation, coaching, formal action, or referral to an external authority such as the licensing board.",
    ],
  };
}

/** A rule of thumb for the choice, in one sentence under the examples. */
export const SEVERITY_RULE_OF_THUMB =
  "Conduct that most boards would investigate usually significantly violates professional norms; a lapse of taste or tone usually appears unprofessional. Choose what you honestly judge: your colleague can answer either way.";
