/**
 * A run's near-duplicates as Parquet: item_id, duplicate_of (the item its cluster kept),
 * hamming_distance. Read back by the projected funnel, which needs to know which item each
 * near-duplicate depended on.
 */
import { parquetReadObjects } from "hyparquet";
import { parquetWriteBuffer } from "hyparquet-writer";
import { asyncBufferOf, type ConceptDuplicate, type NearDuplicate } from "@loupe/curation";

export function encodeDuplicates(duplicates: ReadonlyMap<string, NearDuplicate>): Buffer {
  const rows = [...duplicates];
  return Buffer.from(
    parquetWriteBuffer({
      columnData: [
        { name: "item_id", data: rows.map(([id]) => id), type: "STRING" },
        { name: "duplicate_of", data: rows.map(([, d]) => d.duplicateOf), type: "STRING" },
        { name: "hamming_distance", data: rows.map(([, d]) => d.distance), type: "INT32" },
      ],
      createdBy: "loupe",
    }),
  );
}

/**
 * A run's embedding near-duplicates (the concept pass) as Parquet: item_id, duplicate_of (the
 * earlier item of its concept cluster it is most similar to), cosine_similarity, concept_cluster.
 * decodeDuplicates reads it back as item → duplicate_of too.
 */
export function encodeConceptDuplicates(duplicates: ReadonlyMap<string, ConceptDuplicate>): Buffer {
  const rows = [...duplicates];
  return Buffer.from(
    parquetWriteBuffer({
      columnData: [
        { name: "item_id", data: rows.map(([id]) => id), type: "STRING" },
        { name: "duplicate_of", data: rows.map(([, d]) => d.duplicateOf), type: "STRING" },
        { name: "cosine_similarity", data: rows.map(([, d]) => d.similarity), type: "DOUBLE" },
        { name: "concept_cluster", data: rows.map(([, d]) => d.cluster), type: "INT32" },
      ],
      createdBy: "loupe",
    }),
  );
}

/** item → the item its cluster kept. */
export async function decodeDuplicates(bytes: Buffer): Promise<Map<string, string>> {
  const rows = (await parquetReadObjects({ file: asyncBufferOf(bytes) })) as {
    item_id: string;
    duplicate_of: string;
  }[];
  return new Map(rows.map((r) => [r.item_id, r.duplicate_of]));
}
