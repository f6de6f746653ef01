/**
 * Test images made with sharp, for the curation tests and the integration tests: textured noise, a
 * photo-like scene, a solid colour, and a PNG header claiming a huge size (a decompression bomb's
 * signature). Deterministic: the same seed gives the same bytes.
 */
import zlib from "node:zlib";
import sharp from "sharp";

/** A textured test image: random noise (sharp, mid-grey on average). */
export async function noise(width: number, height: number, seed = 1): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  let s = seed;
  for (let i = 0; i < raw.length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    raw[i] = s >> 23;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** A photo-like scene: smooth random shapes (an 8×8 colour grid, upscaled) with fine grain on top. */
export async function scene(seed: number): Promise<Buffer> {
  const grid = Buffer.alloc(8 * 8 * 3);
  let s = seed;
  for (let i = 0; i < grid.length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    grid[i] = s >> 23;
  }
  const smooth = await sharp(grid, { raw: { width: 8, height: 8, channels: 3 } })
    .resize(256, 256, { kernel: "cubic" })
    .raw()
    .toBuffer();
  const grain = sharp(await noise(256, 256, seed)).raw();
  return sharp(smooth, { raw: { width: 256, height: 256, channels: 3 } })
    .composite([
      { input: await grain.toBuffer(), raw: { width: 256, height: 256, channels: 3 }, blend: "soft-light" },
    ])
    .png()
    .toBuffer();
}

export const solid = (width: number, height: number, v: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: v, g: v, b: v } } })
    .png()
    .toBuffer();

/** A PNG whose header claims `width`×`height` but holds no pixels: a decompression bomb's signature. */
export function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(Buffer.alloc(0))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
