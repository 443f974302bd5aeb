import { IncomingMessage } from "node:http";
import { bodyLimitOf } from "./body-limits";

type Mode = "holding" | "passing" | "dropping";

/**
 * A request whose body the launcher holds back until it decides: Node's parser pushes the
 * body into the request as it arrives, and here it is kept aside (up to its limit, see
 * body-limits.ts) instead
 * of reaching a reader. The launcher then either releases it to Next.js, as if it had just
 * arrived, or drops it (a refused request), reading and discarding the rest so the
 * connection stays healthy. Passed to `http.createServer` as its IncomingMessage class.
 */
export class LauncherRequest extends IncomingMessage {
  #mode: Mode = "holding";
  #held: Buffer[] = [];
  #heldBytes = 0;
  #ended = false;
  #overLimit = false;
  #waiting: (() => void)[] = [];

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (this.#mode === "passing") return super.push(chunk, encoding);
    if (chunk === null) {
      this.#ended = true;
      this.#wake();
      return this.#mode === "dropping" ? super.push(null) : false;
    }
    if (this.#mode === "holding") {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), encoding);
      this.#heldBytes += buffer.length;
      // Read when the body arrives, by which time the method and address are parsed.
      if (this.#heldBytes > bodyLimitOf(this)) {
        this.#overLimit = true;
        this.#held = [];
        this.#mode = "dropping";
        this.#wake();
      } else {
        this.#held.push(buffer);
      }
    }
    // Keep the parser reading: what is held is bounded, what is dropped is discarded.
    return true;
  }

  /** The whole body once it has arrived, or "too large" past the request's limit, or "gone". */
  async heldBody(): Promise<Buffer | "too large" | "gone"> {
    if (!this.#ended && !this.#overLimit) {
      await new Promise<void>((resolve) => {
        this.#waiting.push(resolve);
        this.once("close", resolve);
      });
    }
    if (this.#overLimit) return "too large";
    if (!this.#ended) return "gone";
    return Buffer.concat(this.#held);
  }

  /** Lets the app read the body: what was held, then the rest as it arrives. */
  releaseBody(): void {
    if (this.#mode !== "holding") return;
    this.#mode = "passing";
    for (const chunk of this.#held) super.push(chunk);
    this.#held = [];
    if (this.#ended) super.push(null);
  }

  /** Discards the body, what was held and what is still to come. */
  dropBody(): void {
    if (this.#mode === "passing") return;
    const wasEnded = this.#ended && this.#mode === "holding";
    this.#mode = "dropping";
    this.#held = [];
    if (wasEnded) super.push(null);
  }

  #wake(): void {
    for (const resolve of this.#waiting.splice(0)) resolve();
  }
}
