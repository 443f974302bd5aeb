export * from "./audit-events";
export * from "./auth-sessions";
export * from "./case-notes";
export * from "./concerns";
export * from "./information-requests";
export * from "./notifications";
export * from "./organisation";
export * from "./users";
