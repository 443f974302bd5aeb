import type { Duplex } from "node:stream";
import { rawShortAnswer, type ShortAnswer } from "./short-answer";

// How long the rest of a refused request is read and dropped before the connection closes.
const DRAIN_MS = 10_000;

interface ParserError extends Error {
  code?: string;
  /** The bytes being parsed when the parser gave up, and how far it got into them. */
  rawPacket?: Buffer;
  bytesParsed?: number;
}

const answered = new WeakSet<Duplex>();

/**
 * Node's HTTP parser gives up on a request it cannot read: a request line or header block
 * over its limit (16 KB), or bytes that are not HTTP. By default Node writes a bare status
 * and closes the connection at once, and a client still sending its long request then
 * meets a reset instead of the answer. Here the client gets a short page, then the
 * connection is half-closed and whatever it still sends is read and dropped until it
 * finishes (or DRAIN_MS passes), so the answer always arrives.
 */
export function answerUnparsableRequest(error: ParserError, socket: Duplex): void {
  // The parser reports again for every later chunk of the same connection.
  if (answered.has(socket)) return;
  answered.add(socket);
  const answer = answerFor(error);
  // Node's own rule: never write into a response already under way on this connection.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!answer || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(rawShortAnswer(answer));
  const giveUp = setTimeout(() => socket.destroy(), DRAIN_MS);
  giveUp.unref();
  socket.once("close", () => clearTimeout(giveUp));
  socket.once("end", () => socket.destroy());
  socket.resume();
}

function answerFor(error: ParserError): ShortAnswer | null {
  switch (error.code) {
    case "HPE_HEADER_OVERFLOW":
      return isInRequestLine(error)
        ? {
            status: 414,
            title: "Address too long",
            message:
              "That address is longer than Peer Concerns accepts. Go back and use a shorter link or search.",
          }
        : {
            status: 431,
            title: "Request too large",
            message:
              "The request's headers are larger than Peer Concerns accepts. Clearing this site's cookies may help.",
          };
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return {
        status: 408,
        title: "Request timed out",
        message: "The request took too long to arrive. Please try again.",
      };
    default:
      return error.code?.startsWith("HPE_")
        ? { status: 400, title: "Bad request", message: "The request could not be understood." }
        : null;
  }
}

/**
 * Whether the parser stopped inside a request line, that is the address was too long: the
 * bytes of this request so far start with a method and hold no line break yet. When the
 * request started in an earlier chunk this cannot be told, and 431 (the header block, of
 * which the address is part, is too large) is still true.
 */
function isInRequestLine(error: ParserError): boolean {
  if (!error.rawPacket) return false;
  const parsed = error.rawPacket.subarray(0, error.bytesParsed ?? error.rawPacket.length);
  const text = parsed.toString("latin1");
  // A keep-alive connection may carry earlier requests in the same bytes.
  const previousEnd = text.lastIndexOf("\r\n\r\n");
  const thisRequest = previousEnd === -1 ? text : text.slice(previousEnd + 4);
  return /^[A-Z]+ /.test(thisRequest) && !thisRequest.includes("\n");
}
