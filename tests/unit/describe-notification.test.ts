import { describe, expect, it } from "vitest";
import {
  caseLinkFor,
  describeNotification,
  describeTopic,
  hasWordsFor,
  type RecipientRelation,
} from "@/lib/notifications/describe-notification";
import { ALL_NOTIFICATION_KINDS, recipientsOf } from "@/lib/notifications/notification-kinds";

/** How each recipient of the notify-whom table reads the notification. */
const RELATION = {
  reporter: "reporter",
  subject: "subject",
  officers: "officer",
  assignee: "officer",
  administrators: "admin",
} as const;

describe("what a notification says", () => {
  for (const kind of ALL_NOTIFICATION_KINDS) {
    const relations = new Set<RecipientRelation>(recipientsOf(kind).map((r) => RELATION[r]));
    for (const relation of relations) {
      it(`words ${kind} for the ${relation} it reaches: what happened, and what needs attention`, () => {
        expect(hasWordsFor(kind, relation)).toBe(true);
        expect(describeNotification(kind, relation)).toMatch(/^[A-Z].*\.$/);
        expect(describeTopic(kind, relation)).toMatch(/^[A-Z][^.]*$/);
      });
    }
  }

  it("calls the colleague 'you' and never 'the colleague' in their own notifications", () => {
    for (const kind of ALL_NOTIFICATION_KINDS) {
      const words = `${describeNotification(kind, "subject")} ${describeTopic(kind, "subject")}`;
      expect(words.replaceAll(/the colleague who raised the concern/gi, "")).not.toMatch(
        /the colleague/i,
      );
    }
  });

  it("names the kinds of thing the issue names, so an inbox tells what can wait", () => {
    expect(describeTopic("concern_filed", "subject")).toBe("A notice about one of your posts");
    expect(describeTopic("remediation_reported", "reporter")).toBe("A response to your concern");
    expect(describeTopic("disputed", "reporter")).toBe("A response to your concern");
    expect(describeTopic("escalated_by_deadline", "officer")).toBe("A case was escalated");
  });

  it("links each reader to their own page of the case", () => {
    expect(caseLinkFor("subject", "c1")).toBe("/notices/c1");
    expect(caseLinkFor("reporter", "c1")).toBe("/concerns/c1");
    expect(caseLinkFor("officer", "c1")).toBe("/compliance/cases/c1");
  });
});
