/**
 * A real local HTTP inference server, standing in for a user's diffusers/ComfyUI wrapper or an
 * OpenAI-style image endpoint. It renders a deterministic PNG from (prompt, seed), and the
 * prompt picks a misbehaviour: "slow" (300 ms), "hang" (never answers), "fail" (500), "flaky"
 * (503 on the first call for an item, then fine), "html" (an HTML error page with status 200),
 * "text" (plain text), "json-error" (JSON without an image), "huge" (a PNG header claiming
 * 20,000×20,000 pixels). It counts the calls per (prompt, seed) so tests can see retries.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import sharp from "sharp";

export type GeneratorServer = {
  url: string;
  calls: Map<string, number>;
  /** Authorization headers seen. */
  authorizations: Set<string>;
  close: () => Promise<void>;
};

/** A deterministic image for (prompt, seed): its colour comes from a hash of both. */
export async function renderImage(prompt: string, seed: number | string): Promise<Buffer> {
  let h = 2166136261;
  for (const c of `${prompt}|${seed}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return sharp({
    create: {
      width: 24,
      height: 16,
      channels: 3,
      background: { r: h & 255, g: (h >> 8) & 255, b: (h >> 16) & 255 },
    },
  })
    .png()
    .toBuffer();
}

/** A PNG whose header claims `size`×`size` pixels (its data is one tiny row: never decoded). */
export function hugePngHeader(size: number): Buffer {
  const crc = (buf: Buffer) => {
    let c = ~0;
    for (const b of buf) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(Buffer.alloc(1 + 3 * 4))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export async function startGeneratorServer(): Promise<GeneratorServer> {
  const calls = new Map<string, number>();
  const authorizations = new Set<string>();
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (d: Buffer) => (raw += d.toString()));
    req.on("end", () => {
      void (async () => {
        if (req.headers.authorization) authorizations.add(req.headers.authorization);
        const body = JSON.parse(raw || "{}") as {
          prompt?: string;
          seed?: number;
          params?: { steps?: number };
        };
        const prompt = String(body.prompt ?? "");
        const key = `${prompt}|${body.seed}`;
        const n = (calls.get(key) ?? 0) + 1;
        calls.set(key, n);
        if (prompt.includes("hang")) return; // never answers
        if (prompt.includes("slow")) await new Promise((r) => setTimeout(r, 300));
        if (prompt.includes("fail")) return void res.writeHead(500).end("CUDA out of memory");
        if (prompt.includes("flaky") && n === 1) return void res.writeHead(503).end("warming up");
        if (prompt.includes("html"))
          return void res
            .writeHead(200, { "content-type": "text/html" })
            .end("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>");
        if (prompt.includes("text"))
          return void res.writeHead(200, { "content-type": "text/plain" }).end("ok");
        if (prompt.includes("json-error"))
          return void res
            .writeHead(200, { "content-type": "application/json" })
            .end('{"error":"NSFW filter"}');
        const image = prompt.includes("huge")
          ? hugePngHeader(20_000)
          : await renderImage(prompt, body.seed ?? 0);
        if (req.url?.startsWith("/v1/images/generations")) {
          // OpenAI-style: base64 inside JSON, with the steps it took.
          res.writeHead(200, { "content-type": "application/json" });
          return void res.end(
            JSON.stringify({
              data: [{ b64_json: image.toString("base64") }],
              meta: { steps: body.params?.steps ?? 1 },
            }),
          );
        }
        res.writeHead(200, { "content-type": "image/png" }).end(image);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    authorizations,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
