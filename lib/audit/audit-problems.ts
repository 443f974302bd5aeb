/**
 * What `npm run audit:verify` and the anchor job report, worded once. A problem names a
 * chain ("concern:<id>", "user:<id>", …, or "anchors") and the first event or anchor where
 * it stops adding up; it carries ids and states only, never case content.
 */
export interface AuditProblem {
  chain: string;
  /** The event (or, for "anchors", the anchor) where the trail stops adding up. */
  id: number | null;
  problem: string;
}

export const ANCHORS_CHAIN = "anchors";

export const describe = {
  unchained: () => "it has no hash: it was inserted with the chaining trigger disabled",
  altered: () => "its fields no longer match its hash: the event was altered",
  missingPredecessor: () =>
    "it names a predecessor that does not exist: earlier events of this chain were deleted",
  notFollowing: (previousId: number) =>
    `it does not follow event ${previousId}: an event between them was deleted or inserted, or event ${previousId} was rewritten`,
  pinMissing: (eventId: number, anchorId: number) =>
    `event ${eventId}, this chain's head at anchor ${anchorId}, is missing: events were deleted`,
  pinRewritten: (anchorId: number) =>
    `its hash differs from the one anchor ${anchorId} recorded: the chain was rewritten after that anchor`,
  headMovedBack: (fromEventId: number, fromAnchorId: number, anchorId: number) =>
    `anchor ${anchorId} pins it as this chain's head, behind event ${fromEventId} that anchor ${fromAnchorId} pinned: a chain's head never moves back`,
  anchorAltered: () => "the anchor was altered",
  anchorHeadsAltered: () => "the heads it pins were altered, added or removed",
  earlierAnchorsDeleted: () => "earlier anchors were deleted",
  anchorNotFollowing: (previousId: number) =>
    `it does not follow anchor ${previousId}: an anchor was deleted or inserted`,
  publishedMissing: (hash: string) =>
    `it was published as sha256 ${hash} but is not in the database: anchors were deleted`,
  publishedDiffers: (published: string, stored: string) =>
    `it was published as sha256 ${published} but the database holds sha256 ${stored}: the anchors were rewritten`,
} as const;
