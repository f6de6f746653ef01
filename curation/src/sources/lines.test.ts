import { describe, expect, it } from "vitest";
import { readLines, type Line } from "./lines";

async function lines(chunks: string[], max?: number): Promise<Line[]> {
  const out: Line[] = [];
  for await (const line of readLines(
    (async function* () {
      for (const chunk of chunks) yield Buffer.from(chunk);
    })(),
    max,
  ))
    out.push(line);
  return out;
}

describe("readLines", () => {
  it("numbers lines across chunk boundaries, dropping CR and a leading BOM", async () => {
    expect(await lines(["\uFEFFab", "c\r\nd", "e\n\nlast"])).toEqual([
      { number: 1, text: "abc" },
      { number: 2, text: "de" },
      { number: 3, text: "" },
      { number: 4, text: "last" },
    ]);
  });

  it("keeps multi-byte characters split between chunks whole", async () => {
    const bytes = Buffer.from("é☃\n");
    const out: Line[] = [];
    for await (const line of readLines(
      (async function* () {
        for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
      })(),
    ))
      out.push(line);
    expect(out).toEqual([{ number: 1, text: "é☃" }]);
  });

  it("reports an over-long line by its length and goes on", async () => {
    expect(await lines(["short\n", "x".repeat(30), "y".repeat(30), "\nok\n"], 50)).toEqual([
      { number: 1, text: "short" },
      { number: 2, tooLong: 60 },
      { number: 3, text: "ok" },
    ]);
  });
});
