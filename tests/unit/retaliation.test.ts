import { describe, expect, it } from "vitest";
import { DAY_MS } from "@/lib/domain/deadlines";
import { mayRetaliate, type RaisedConcern } from "@/lib/domain/retaliation";

const ANNA = "anna";
const BORIS = "boris";
const CARLA = "carla";
const T0 = new Date("2026-03-01T09:00:00.000Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY_MS);

const raised = (
  reporterId: string,
  subjectId: string,
  createdAt: Date,
  disclosure: RaisedConcern["disclosure"] = "confidential",
): RaisedConcern => ({ reporterId, subjectId, createdAt, disclosure });

describe("possible retaliation", () => {
  const annaAboutBoris = raised(ANNA, BORIS, T0);

  it("marks a concern about the person who raised one about its reporter within 90 days", () => {
    expect(mayRetaliate(raised(BORIS, ANNA, at(1)), annaAboutBoris)).toBe(true);
    expect(mayRetaliate(raised(BORIS, ANNA, at(90)), annaAboutBoris)).toBe(true);
  });

  it("does not mark one filed after the window when the first concern was confidential", () => {
    expect(mayRetaliate(raised(BORIS, ANNA, at(90.01)), annaAboutBoris)).toBe(false);
  });

  it("marks one at any time after a concern that named its reporter", () => {
    const named = raised(ANNA, BORIS, T0, "named");
    expect(mayRetaliate(raised(BORIS, ANNA, at(400)), named)).toBe(true);
  });

  it("needs the same two people the other way round, and the earlier concern first", () => {
    expect(mayRetaliate(raised(BORIS, CARLA, at(1)), annaAboutBoris)).toBe(false);
    expect(mayRetaliate(raised(CARLA, ANNA, at(1)), annaAboutBoris)).toBe(false);
    expect(mayRetaliate(raised(ANNA, BORIS, at(1)), annaAboutBoris)).toBe(false);
    expect(mayRetaliate(raised(BORIS, ANNA, at(-1)), annaAboutBoris)).toBe(false);
  });
});
