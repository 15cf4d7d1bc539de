/** Plain HTTP and TCP probes of the local servers (npm start, npm run preview), with the paths sent as written. */
import http from "node:http";
import net from "node:net";
import os from "node:os";

export interface Answer {
  readonly status: number;
  readonly body: string;
  /** The Location header of a redirect. */
  readonly location?: string;
}

/** A GET whose path goes on the wire exactly as written. */
export function get(host: string, port: number, requestPath: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host, port, path: requestPath, agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      const { location } = response.headers;
      response.on("end", () => resolve({ status: response.statusCode!, body, ...(location === undefined ? {} : { location }) }));
    });
    request.on("error", reject);
    request.end();
  });
}

/** Whether a TCP connection to this address opens. */
export function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(2000, () => (socket.destroy(), resolve(false)));
    socket.on("connect", () => (socket.end(), resolve(true)));
    socket.on("error", () => resolve(false));
  });
}

/** This machine's addresses other than loopback, where a server open to this computer only must not be reached. */
export const networkAddresses = Object.values(os.networkInterfaces())
  .flat()
  .filter((address) => address !== undefined && !address.internal && address.family === "IPv4")
  .map((address) => address!.address);
