import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { freePort } from "../../support/free-port";

export interface ReceivedEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  raw: string;
}

/**
 * A real SMTP server on loopback that keeps and parses what it receives. It can be
 * stopped and started again on the same port, and told to refuse the next messages,
 * to play a mail server that is down or unwilling.
 */
export async function startSmtpSink() {
  const port = await freePort();
  const received: ReceivedEmail[] = [];
  let refuseNext = 0;
  let server: SMTPServer | undefined;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      if (server) {
        resolve();
        return;
      }
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS", "AUTH"],
        logger: false,
        onData(stream, _session, callback) {
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            if (refuseNext > 0) {
              refuseNext--;
              callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
              return;
            }
            const raw = Buffer.concat(chunks).toString("utf8");
            simpleParser(raw).then(
              (mail: ParsedMail) => {
                received.push({
                  to: addressesOf(mail),
                  subject: mail.subject ?? "",
                  text: mail.text ?? "",
                  html: typeof mail.html === "string" ? mail.html : "",
                  messageId: mail.messageId ?? "",
                  raw,
                });
                callback();
              },
              (error: Error) => callback(error),
            );
          });
        },
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });

  await listen();
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Refuse the next `count` messages with a temporary failure (451). */
    refuse(count: number) {
      refuseNext = count;
    },
    async stop() {
      const current = server;
      server = undefined;
      if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    start: listen,
    clear() {
      received.length = 0;
    },
  };
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;

function addressesOf(mail: ParsedMail): string {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((a) => a.value.map((v) => v.address ?? "")).join(",");
}
