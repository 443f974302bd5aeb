import { formatDateTime } from "@/lib/domain/date-words";

/**
 * An instant in words in the reader's zone, for people; the exact instant in `dateTime`,
 * for machines and assistive technology.
 */
export function DateTime({ date, timeZone }: { date: Date; timeZone: string }) {
  return <time dateTime={date.toISOString()}>{formatDateTime(date, timeZone)}</time>;
}
