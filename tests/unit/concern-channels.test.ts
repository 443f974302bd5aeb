import { describe, expect, it } from "vitest";
import { describeRaisedBy, describeSourceForOfficers } from "@/lib/domain/concern-channels";

describe("how the colleague is told who raised a concern", () => {
  it("words a physician's own filing as before: their name when named, else a colleague", () => {
    expect(describeRaisedBy("web", "Dr Chloe Nguyen")).toEqual({
      label: "Raised by",
      text: "Dr Chloe Nguyen",
    });
    expect(describeRaisedBy("web", null).text).toBe("a colleague (confidential)");
  });

  it("says how a recorded concern arrived, and names only a source who chose to be named", () => {
    expect(describeRaisedBy("phone", null)).toEqual({
      label: "How it was raised",
      text: "By telephone; who raised it is not named",
    });
    expect(describeRaisedBy("external_body", "State Medical Board").text).toBe(
      "From an external body, by State Medical Board",
    );
    expect(describeRaisedBy("department_chair", null).text).toBe(
      "Through a department chair; who raised it is not named",
    );
  });
});

describe("who raised a concern, for officers", () => {
  const officer = {
    reporterId: "officer",
    reporterName: "Farah Haddad",
    reporterEmail: "farah@hospital.example",
    recordedByName: "Farah Haddad",
  };

  it("is the reporter's account for a web filing, with no channel line", () => {
    expect(
      describeSourceForOfficers({
        ...officer,
        channel: "web",
        recordedById: null,
        sourceName: null,
      }),
    ).toEqual({ raisedBy: "Farah Haddad (farah@hospital.example)", arrived: null });
  });

  it("names the source and the officer standing in for it, and how it arrived", () => {
    expect(
      describeSourceForOfficers({
        ...officer,
        channel: "letter",
        recordedById: "officer",
        sourceName: null,
      }),
    ).toEqual({
      raisedBy:
        "An anonymous source, for whom Farah Haddad (farah@hospital.example) acts as reporter",
      arrived: "By letter, recorded by Farah Haddad",
    });
  });

  it("is the physician's account when the officer recorded it for them", () => {
    expect(
      describeSourceForOfficers({
        channel: "phone",
        reporterId: "physician",
        reporterName: "Dr Ben Carter",
        reporterEmail: "ben@hospital.example",
        recordedById: "officer",
        recordedByName: "Farah Haddad",
        sourceName: null,
      }),
    ).toEqual({
      raisedBy: "Dr Ben Carter (ben@hospital.example)",
      arrived: "By telephone, recorded by Farah Haddad",
    });
  });
});
