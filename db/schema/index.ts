export * from "./audit-events";
export * from "./auth-sessions";
export * from "./concerns";
export * from "./email-deliveries";
export * from "./email-preferences";
export * from "./notifications";
export * from "./organisation";
export * from "./users";
