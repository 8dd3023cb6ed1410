import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for the tests (smtp-server, on a free local port): it receives what nodemailer sends,
 * parses each message (mailparser), can refuse the next attempts with 421, and can be stopped and started
 * again on the same port (a mail server that is down, then back).
 */
export interface SmtpPeer {
  port: number;
  url: string;
  received: ParsedMail[];
  /** The next `count` messages are refused with "421 try again later". */
  refuseNext(count: number): void;
  /** Attempts it refused so far. */
  refused: number;
  stop(): Promise<void>;
  /** Up again, on the same port. */
  start(): Promise<void>;
}

export async function startSmtpPeer(): Promise<SmtpPeer> {
  let refuse = 0;
  let server: SMTPServer;
  const peer: SmtpPeer = {
    port: 0,
    url: '',
    received: [],
    refused: 0,
    refuseNext(count) {
      refuse = count;
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async start() {
      server = create();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(peer.port, '127.0.0.1', () => resolve());
      });
      peer.port = (server.server.address() as AddressInfo).port;
      peer.url = `smtp://127.0.0.1:${peer.port}`;
    },
  };
  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onMailFrom(_address, _session, callback) {
        if (refuse > 0) {
          refuse -= 1;
          peer.refused += 1;
          return callback(Object.assign(new Error('try again later'), { responseCode: 421 }));
        }
        callback();
      },
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            peer.received.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
  await peer.start();
  return peer;
}
