import { z } from "zod";
import { isPlainText } from "@/lib/domain/plain-text";

export const SEARCH_MAX = 100;

/**
 * A search typed into the directory, the user list or the compliance queue: literal text
 * (the queries escape `%` and `_`), bounded, and refused with a message when it holds
 * characters no stored name can contain, rather than reaching the database.
 */
export const searchTextSchema = z
  .string()
  .trim()
  .max(SEARCH_MAX, `Search for at most ${SEARCH_MAX} characters.`)
  .refine(isPlainText, "Remove the control characters from the search.");
