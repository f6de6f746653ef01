/**
 * Decisions as Parquet, one row per item: item_id, source, location, caption, metadata (JSON),
 * status (kept | dropped | error), first_failing_stage, reason, one DOUBLE column per score and
 * one string column per label ("<stage>.<name>", null where the stage did not measure the item —
 * a projected funnel re-judges these), and the perceptual hashes
 * (16 hex digits, or null); in shards of runs with an embedding stage, the embedding (float32,
 * little-endian bytes); in the kept set of runs with concepts, concept_cluster and sampling_weight.
 * A shard's decisions are one such file; so are the run's kept and dropped sets. Written a row group at a time, so memory holds one row group, not the file.
 */
import { ByteWriter, fileWriter, ParquetWriter } from "hyparquet-writer";
import { parquetMetadataAsync, parquetReadObjects, type AsyncBuffer } from "hyparquet";
import { HASH_ALGORITHMS, type MeasurementColumns } from "../pipeline-definition";
import type { CurationDecision } from "./decide-shard";

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]["schema"][number];

const STATUSES = ["kept", "dropped", "error"] as const;
const TEXT_COLUMNS = ["item_id", "source", "location", "caption", "metadata", "status"] as const;
const REASON_COLUMNS = ["first_failing_stage", "reason"] as const;
const EMBEDDING_COLUMN = "embedding";
const CONCEPT_COLUMNS = ["concept_cluster", "sampling_weight"] as const;

const text = (name: string, required = false): SchemaElement => ({
  name,
  type: "BYTE_ARRAY",
  converted_type: "UTF8",
  repetition_type: required ? "REQUIRED" : "OPTIONAL",
});

function schema(measured: MeasurementColumns): SchemaElement[] {
  const columns: SchemaElement[] = [
    ...TEXT_COLUMNS.map((name) => text(name, name === "item_id" || name === "status" || name === "source")),
    ...REASON_COLUMNS.map((name) => text(name)),
    ...measured.scores.map((name): SchemaElement => ({ name, type: "DOUBLE", repetition_type: "OPTIONAL" })),
    ...measured.labels.map((name) => text(name)),
    ...HASH_ALGORITHMS.map((name) => text(name)),
    ...(measured.embedding
      ? [{ name: EMBEDDING_COLUMN, type: "BYTE_ARRAY", repetition_type: "OPTIONAL" } satisfies SchemaElement]
      : []),
    ...(measured.concepts
      ? [
          { name: "concept_cluster", type: "INT32", repetition_type: "OPTIONAL" } satisfies SchemaElement,
          { name: "sampling_weight", type: "DOUBLE", repetition_type: "OPTIONAL" } satisfies SchemaElement,
        ]
      : []),
  ];
  return [{ name: "root", num_children: columns.length }, ...columns];
}

export class DecisionTableWriter {
  private readonly parquet: ParquetWriter;
  private readonly bytes: ByteWriter | null;
  rows = 0;

  /** Writes to `file`, or to memory when no file is given (`buffer()` after `close()`). */
  constructor(
    private readonly measured: MeasurementColumns,
    file?: string,
  ) {
    this.bytes = file ? null : new ByteWriter();
    // No creation time inside: the same decisions give the same bytes.
    this.parquet = new ParquetWriter({
      writer: this.bytes ?? fileWriter(file!),
      schema: schema(measured),
      createdBy: "loupe",
    });
  }

  /** Appends the decisions as one row group. */
  async write(group: readonly CurationDecision[]): Promise<void> {
    if (group.length === 0) return;
    const column = (name: string, value: (d: CurationDecision) => unknown) => ({
      name,
      data: group.map(value),
      // Statistics say nothing useful about ids, paths and captions.
      statistics: name === "status" || name === "first_failing_stage",
    });
    await this.parquet.write({
      columnData: [
        column("item_id", (d) => d.itemId),
        column("source", (d) => d.source),
        column("location", (d) => d.location),
        column("caption", (d) => d.caption),
        column("metadata", (d) => JSON.stringify(d.metadata)),
        column("status", (d) => d.status),
        column("first_failing_stage", (d) => d.firstFailingStage),
        column("reason", (d) => d.reason),
        ...this.measured.scores.map((name) => ({
          name,
          data: group.map((d) => d.scores[name] ?? null),
          statistics: true,
        })),
        ...this.measured.labels.map((name) => column(name, (d) => d.labels[name] ?? null)),
        ...HASH_ALGORITHMS.map((name) => column(name, (d) => d.hashes[name] ?? null)),
        ...(this.measured.embedding
          ? [
              column(EMBEDDING_COLUMN, (d) =>
                d.embedding
                  ? new Uint8Array(d.embedding.buffer, d.embedding.byteOffset, d.embedding.byteLength)
                  : null,
              ),
            ]
          : []),
        ...(this.measured.concepts
          ? [
              column("concept_cluster", (d) => d.concept?.cluster ?? null),
              column("sampling_weight", (d) => d.concept?.weight ?? null),
            ]
          : []),
      ],
      rowGroupSize: group.length,
    });
    this.rows += group.length;
  }

  close(): void {
    this.parquet.finish();
  }

  /** The file's bytes, when writing to memory. */
  buffer(): Buffer {
    if (!this.bytes) throw new Error("this table is written to a file");
    return Buffer.from(this.bytes.getBuffer());
  }
}

/** A shard's decisions as one Parquet file in memory. */
export async function encodeDecisions(
  decisions: readonly CurationDecision[],
  measured: MeasurementColumns,
): Promise<Buffer> {
  const table = new DecisionTableWriter(measured);
  await table.write(decisions);
  table.close();
  return table.buffer();
}

export function asyncBufferOf(bytes: Buffer): AsyncBuffer {
  const view = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { byteLength: view.byteLength, slice: (start, end) => view.slice(start, end) };
}

/** Reads a decision table back (a shard's, or a run's kept or dropped set), in row order. */
export async function decodeDecisions(file: AsyncBuffer): Promise<CurationDecision[]> {
  const metadata = await parquetMetadataAsync(file);
  const fixed = new Set<string>([
    ...TEXT_COLUMNS,
    ...REASON_COLUMNS,
    ...HASH_ALGORITHMS,
    EMBEDDING_COLUMN,
    ...CONCEPT_COLUMNS,
  ]);
  const measured = metadata.schema.slice(1).filter((s) => !fixed.has(s.name));
  const scoreNames = measured.filter((s) => s.type === "DOUBLE").map((s) => s.name);
  const labelNames = measured.filter((s) => s.type === "BYTE_ARRAY").map((s) => s.name);
  // utf8: false keeps the embedding's bytes as bytes; the text columns are marked UTF8 and stay text.
  const rows = (await parquetReadObjects({ file, metadata, utf8: false })) as Record<string, unknown>[];
  return rows.map((row) => {
    const status = row.status as CurationDecision["status"];
    if (!STATUSES.includes(status)) throw new Error(`not a decision table: status "${String(status)}"`);
    const scores: Record<string, number> = {};
    for (const name of scoreNames) if (typeof row[name] === "number") scores[name] = row[name];
    const labels: Record<string, string> = {};
    for (const name of labelNames) if (typeof row[name] === "string") labels[name] = row[name];
    const hashes: Record<string, string> = {};
    for (const name of HASH_ALGORITHMS) if (typeof row[name] === "string") hashes[name] = row[name];
    const embedding = row[EMBEDDING_COLUMN];
    const cluster = row.concept_cluster;
    const weight = row.sampling_weight;
    return {
      itemId: String(row.item_id),
      source: String(row.source),
      location: (row.location as string | null) ?? null,
      caption: (row.caption as string | null) ?? null,
      metadata: JSON.parse(String(row.metadata ?? "{}")) as Record<string, unknown>,
      status,
      firstFailingStage: (row.first_failing_stage as string | null) ?? null,
      reason: (row.reason as string | null) ?? null,
      scores,
      labels,
      hashes,
      // Copied: a Float32Array needs 4-byte alignment, which a slice of the file's bytes may lack.
      ...(embedding instanceof Uint8Array
        ? { embedding: new Float32Array(embedding.slice().buffer, 0, embedding.byteLength / 4) }
        : {}),
      ...(typeof cluster === "number" && typeof weight === "number" ? { concept: { cluster, weight } } : {}),
    };
  });
}
