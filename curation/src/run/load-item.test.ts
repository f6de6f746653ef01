import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorItem, locatedItem } from "../sources/item";
import { scene } from "../testing/images";
import { loadItem } from "./load-item";

let server: http.Server;
let base: string;
let image: Buffer;

beforeAll(async () => {
  image = await scene(5);
  server = http.createServer((req, res) => {
    if (req.url === "/image.png") res.writeHead(200, { "content-type": "image/png" }).end(image);
    else if (req.url === "/slow") setTimeout(() => res.writeHead(200).end(image), 1500);
    else res.writeHead(404).end("not here");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const urlItem = (url: string) => locatedItem("id", url, { kind: "url", url });
const download = { timeoutSeconds: 1, maxBytes: 1024 * 1024 };

describe("loadItem", () => {
  it("leaves URLs alone unless the pipeline allows downloads", async () => {
    const loaded = await loadItem(urlItem(`${base}/image.png`), null);
    expect(loaded).toEqual({ error: expect.stringMatching(/downloading is off/) });
  });

  it("downloads an allowed URL, and turns 404s, timeouts, oversize bodies and refused connections into reasons", async () => {
    const ok = await loadItem(urlItem(`${base}/image.png`), download);
    expect("item" in ok && ok.item.bytes).toBe(image.length);
    expect(await loadItem(urlItem(`${base}/missing`), download)).toEqual({
      error: expect.stringMatching(/HTTP 404/),
    });
    expect(await loadItem(urlItem(`${base}/slow`), download)).toEqual({
      error: expect.stringMatching(/cannot read .*slow/),
    });
    expect(await loadItem(urlItem(`${base}/image.png`), { ...download, maxBytes: 100 })).toEqual({
      error: expect.stringMatching(/limit of 100 bytes/),
    });
    expect(await loadItem(urlItem("http://127.0.0.1:1/x.png"), download)).toEqual({
      error: expect.stringMatching(/cannot read/),
    });
  });

  it("passes an unlocatable item's reason on, and reports a missing file", async () => {
    expect(await loadItem(errorItem("id", "row 3", "no path in column image"), null)).toEqual({
      error: "no path in column image",
    });
    const missing = await loadItem(
      locatedItem("id", "gone.png", { kind: "file", path: "/nonexistent/gone.png" }),
      null,
    );
    expect(missing).toEqual({ error: expect.stringMatching(/cannot read gone.png: .*ENOENT/) });
  });
});
