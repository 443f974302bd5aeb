// Shared by the account form's hint and the server's schema; free of zod, so the form's
// browser bundle does not carry the schemas.
export const PASSWORD_MIN_LENGTH = 12;
