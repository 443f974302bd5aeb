import { describe, expect, it } from "vitest";
import { mentionsOwnIdentity } from "@/lib/domain/own-identity";

const amara = { name: "Dr Amara Okafor", email: "amara.okafor@hospital.example" };

describe("a confidential reporter's words that would name them", () => {
  it.each([
    "Spoke to Ben in person. Amara",
    "— A. Okafor",
    "Reach me at amara.okafor@hospital.example if you want to talk.",
    "amara.okafor says hi",
    "okafor here: I saw it on Monday",
  ])("'%s' names them", (text) => {
    expect(mentionsOwnIdentity(text, amara)).toBe(true);
  });

  it.each([
    "Spoke to Ben in person; he will handle it.",
    "The doctor who posted this should take it down.",
    "Dr Ben Carter posted it on Monday.",
    "Amaranth-coloured background in the photo.",
  ])("'%s' does not", (text) => {
    expect(mentionsOwnIdentity(text, amara)).toBe(false);
  });
});
