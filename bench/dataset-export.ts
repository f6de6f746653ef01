/**
 * Preference pairs to Pick-a-Pic Parquet at scale: 1,000,000 rows (image paths, not bytes) through
 * the same writer an export uses, fed one row group of 10,000 at a time by a generator, as a
 * streaming export reads them. Reports the time, the rows per second, the file size and the
 * process's peak RSS (target: under 20 s and 500 MB). The file is read back with hyparquet to
 * check the row count.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parquetMetadataAsync, asyncBufferFromFile } from "hyparquet";
import { writePickAPicParquet } from "../packages/api/src/datasets/formats/pick-a-pic-parquet";
import type { ExportRow } from "../packages/api/src/datasets/formats/export-row";

const ROWS = 1_000_000;
const GROUP = 10_000;
const PROMPTS = 50_000;
const MODELS = ["sdxl-base", "sdxl-turbo", "flux-dev", "sd-1.5", "playground-v2.5", "pixart-sigma"];

const hex = (n: number) => crypto.createHash("sha256").update(String(n)).digest("hex");

function* rows(): Generator<ExportRow[]> {
  for (let start = 0; start < ROWS; start += GROUP) {
    const group: ExportRow[] = [];
    for (let i = start; i < Math.min(ROWS, start + GROUP); i++) {
      const prompt = i % PROMPTS;
      const [ma, mb] = [MODELS[i % MODELS.length]!, MODELS[(i * 7 + 3) % MODELS.length]!];
      const [sa, sb] = [hex(2 * i), hex(2 * i + 1)];
      const preference = i % 10 === 0 ? "tie" : i % 3 === 0 ? "b" : "a";
      group.push({
        id: `j-${i}`,
        itemId: `t-${i >> 1}`,
        promptId: `p-${prompt}`,
        prompt: `prompt number ${prompt}: a photograph of something quite specific, in some style`,
        a: { outputId: `o-${2 * i}`, sha256: sa, mime: "image/png", model: ma },
        b: { outputId: `o-${2 * i + 1}`, sha256: sb, mime: "image/png", model: mb },
        preference,
        raterIds: [`r-${i % 500}`],
        agreement: 1,
        judgments: 1,
        createdAt: new Date(1_760_000_000_000 + i * 1000),
        split: "train",
        raters: [hex(i % 500).slice(0, 16)],
        modelA: ma,
        modelB: mb,
        imageA: `images/${sa}.png`,
        imageB: `images/${sb}.png`,
      });
    }
    yield group;
  }
}

export async function benchDatasetExport() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-bench-export-"));
  const file = path.join(dir, "train.parquet");
  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    // The synthetic rows cost time of their own (two sha256 per row): measured alone first.
    const g0 = performance.now();
    for (const group of rows()) if (group.length === 0) throw new Error("empty group");
    const generating = (performance.now() - g0) / 1000;
    const t0 = performance.now();
    const written = await writePickAPicParquet(file, rows());
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sample);
    peak = Math.max(peak, process.memoryUsage().rss);
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(file));
    if (Number(metadata.num_rows) !== ROWS || written !== ROWS)
      throw new Error(`wrote ${metadata.num_rows} rows`);
    const mb = fs.statSync(file).size / 1e6;
    return {
      name: "dataset export (Pick-a-Pic Parquet)",
      summary: `${ROWS.toLocaleString("en")} pairs in ${seconds.toFixed(1)} s, of which ${generating.toFixed(1)} s making the synthetic rows (${Math.round(ROWS / (seconds - generating)).toLocaleString("en")} rows/s written), ${mb.toFixed(0)} MB file, peak RSS ${Math.round(peak / 1e6)} MB`,
    };
  } finally {
    clearInterval(sample);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
