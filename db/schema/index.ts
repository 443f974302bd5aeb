export * from "./audit-events";
export * from "./auth-sessions";
export * from "./concerns";
export * from "./notifications";
export * from "./organisation";
export * from "./sign-in-failures";
export * from "./users";
