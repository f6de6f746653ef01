/**
 * WebDataset tar shards: each shard is read as a stream and its members grouped into samples by
 * key — the member name up to the first dot of its base name ("a/000123.jpg" and "a/000123.txt"
 * are the sample "a/000123" with the fields "jpg" and "txt"), members of a sample being adjacent.
 * A sample is one item: its one media member (by extension) locates it, its "txt" member is the
 * caption, its "json" member the metadata; other members are left alone. Identity: the shard as
 * written in the config and the sample key.
 *
 * Nothing in a shard throws mid-run. A sample with no media member, several, an unreadable
 * caption or metadata member, or a key seen before in the shard is an error item. A shard that
 * cannot be opened, is empty, is corrupt, or ends early (inside a member, or without the tar
 * end-of-archive marker) gives one error item for the shard, after the samples read before the
 * damage; the sample being read when it happened is named in that error.
 */
import fsp from "node:fs/promises";
import path from "node:path";
import { BracePatternError, expandBraces } from "./brace";
import { errorMessage, SourceError } from "./errors";
import { errorItem, itemId, locatedItem, type SourceItem, type TarMemberLocator } from "./item";
import { itemSource, type ItemSource } from "./item-source";
import { DEFAULT_MEDIA_EXTENSIONS, extensionOf } from "./media-extensions";
import type { WebDatasetSourceConfig } from "./source-config";
import { openSourceRoot } from "./source-root";
import { drain, isGzipShard, openTar, readLimited, TAR_BLOCK, type TarEntry } from "./tar-reader";

export const MAX_CAPTION_BYTES = 1024 * 1024;
export const MAX_METADATA_BYTES = 4 * 1024 * 1024;
const MAX_LISTED = 5;

export type TarShard = {
  /** The shard as written in the config (after brace expansion): part of every id. */
  label: string;
  /** Absolute path. */
  path: string;
};

type Member = { name: string; index: number; offset: number; size: number; field: string };

type Sample = {
  key: string;
  /** Index (in the shard) of the sample's first member. */
  first: number;
  /** The key already had a sample earlier in the shard. */
  repeated: boolean;
  members: Member[];
  caption: string | null;
  metadata: Record<string, unknown>;
  problems: string[];
};

const MEDIA = new Set(DEFAULT_MEDIA_EXTENSIONS);

/** The WebDataset key and field of a member name, or null when it has none (no dot, or a leading dot). */
export function splitMemberName(name: string): { key: string; field: string } | null {
  const slash = name.lastIndexOf("/");
  const base = name.slice(slash + 1);
  const dot = base.indexOf(".");
  if (dot <= 0 || dot === base.length - 1) return null;
  return { key: name.slice(0, slash + 1) + base.slice(0, dot), field: base.slice(dot + 1) };
}

/** Expands the config's shard patterns into shards; repeated shards are a SourceError. */
export function listShards(patterns: readonly string[], base: string): TarShard[] {
  const labels: string[] = [];
  for (const pattern of patterns) {
    try {
      labels.push(...expandBraces(pattern));
    } catch (err) {
      if (err instanceof BracePatternError) throw new SourceError(`invalid shard pattern: ${err.message}`);
      throw err;
    }
  }
  const seen = new Set<string>();
  const shards: TarShard[] = [];
  for (const label of labels) {
    const absolute = path.resolve(base, label);
    if (seen.has(absolute)) throw new SourceError(`shard ${label} is listed more than once`);
    seen.add(absolute);
    shards.push({ label, path: absolute });
  }
  return shards;
}

/** Opens a WebDataset source: every shard must exist as a file, else a SourceError lists those that do not. */
export async function openWebDatasetSource(config: WebDatasetSourceConfig): Promise<ItemSource> {
  const base = config.root ? (await openSourceRoot(config.root, "shard root")).path : process.cwd();
  const shards = listShards(config.shards, base);
  const problems: string[] = [];
  for (const shard of shards) {
    const stat = await fsp.stat(shard.path).catch(() => null);
    if (!stat) problems.push(`${shard.label} (not found)`);
    else if (!stat.isFile()) problems.push(`${shard.label} (not a file)`);
  }
  if (problems.length) {
    const listed = problems.slice(0, MAX_LISTED).join(", ");
    const more = problems.length > MAX_LISTED ? `, … and ${problems.length - MAX_LISTED} more` : "";
    throw new SourceError(`${problems.length} of ${shards.length} shards cannot be read: ${listed}${more}`);
  }
  async function* items(): AsyncGenerator<SourceItem> {
    for (const shard of shards) yield* readShard(shard);
  }
  return itemSource("webdataset", items, async () => null);
}

function sampleItem(shard: TarShard, sample: Sample): SourceItem {
  const source = `${shard.label}#${sample.key}${sample.repeated ? ` (again, member ${sample.first})` : ""}`;
  const id = sample.repeated
    ? itemId("webdataset", shard.label, "sample", sample.key, `member ${sample.first}`)
    : itemId("webdataset", shard.label, "sample", sample.key);
  const problems = [...sample.problems];
  if (sample.repeated)
    problems.unshift(
      `sample key "${sample.key}" appears again after other samples (a sample's members must be adjacent in the shard)`,
    );
  const media = sample.members.filter((m) => MEDIA.has(extensionOf(m.name)));
  const names = (members: Member[]) => members.map((m) => m.name).join(", ");
  if (problems.length === 0 && media.length === 0)
    problems.push(`sample has no media member (members: ${names(sample.members)})`);
  if (media.length > 1)
    problems.push(`sample has ${media.length} media members (${names(media)}); expected one`);
  if (problems.length) return errorItem(id, source, problems.join("; "), sample.caption, sample.metadata);
  const member = media[0]!;
  const locator: TarMemberLocator = { kind: "tar-member", shard: shard.path, member: member.name };
  if (!isGzipShard(shard.path)) {
    locator.offset = member.offset;
    locator.size = member.size;
  }
  return locatedItem(id, source, locator, sample.caption, sample.metadata);
}

/** Reads a caption or metadata member into the sample. */
async function readField(sample: Sample, member: Member, entry: TarEntry): Promise<void> {
  const limit = member.field === "txt" ? MAX_CAPTION_BYTES : MAX_METADATA_BYTES;
  const bytes = await readLimited(entry, limit);
  if (bytes === null) {
    sample.problems.push(`member ${member.name} is larger than ${limit} bytes`);
    return;
  }
  const text = bytes.toString("utf8");
  if (member.field === "txt") {
    sample.caption = text.trim() || null;
    return;
  }
  try {
    const value: unknown = JSON.parse(text);
    sample.metadata =
      typeof value === "object" && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : { json: value };
  } catch (err) {
    sample.problems.push(`member ${member.name} is not valid JSON: ${errorMessage(err)}`);
  }
}

/** Every sample of one shard as items, then an error item for the shard if it is damaged. */
export async function* readShard(shard: TarShard): AsyncGenerator<SourceItem> {
  const shardError = (error: string) => errorItem(itemId("webdataset", shard.label), shard.label, error);
  const stat = await fsp.stat(shard.path).catch((err: unknown) => errorMessage(err));
  if (typeof stat === "string") {
    yield shardError(`shard cannot be opened: ${stat}`);
    return;
  }
  if (stat.size === 0) {
    yield shardError("shard is empty (0 bytes)");
    return;
  }
  const tar = openTar(shard.path);
  const seen = new Set<string>();
  let current: Sample | null = null;
  let samples = 0;
  let index = -1;
  let end = 0;
  let damage: string | null = null;
  try {
    for await (const entry of tar.entries) {
      index++;
      const { name, size, type } = entry.header;
      const offset = entry.offset + TAR_BLOCK;
      end = offset + size;
      const isFile = type === "file" || type === "contiguous-file";
      const named = isFile ? splitMemberName(name) : null;
      if (!named) {
        await drain(entry);
        // Media the grouping cannot place is an item that failed, not something to drop.
        if (type !== "directory" && MEDIA.has(extensionOf(name)))
          yield errorItem(
            itemId("webdataset", shard.label, "member", String(index)),
            `${shard.label}#${name}`,
            isFile
              ? `member ${name} has no sample key (its name needs a key before the first dot)`
              : `member ${name} is a ${type}, not a file`,
          );
        continue;
      }
      if (current && current.key !== named.key) {
        yield sampleItem(shard, current);
        samples++;
        current = null;
      }
      if (!current) {
        current = {
          key: named.key,
          first: index,
          repeated: seen.has(named.key),
          members: [],
          caption: null,
          metadata: {},
          problems: [],
        };
        seen.add(named.key);
      }
      const member: Member = { name, index, offset, size, field: named.field };
      if (current.members.some((m) => m.field === member.field)) {
        current.problems.push(`member ${name} appears twice`);
        await drain(entry);
      } else if (member.field === "txt" || member.field === "json") {
        await readField(current, member, entry);
      } else {
        await drain(entry);
      }
      current.members.push(member);
    }
    // tar ends with zero blocks; without one the file stopped at a member boundary.
    if (tar.bytes() < Math.ceil(end / TAR_BLOCK) * TAR_BLOCK + TAR_BLOCK)
      damage = "shard ends without the tar end-of-archive marker, so it is probably truncated";
  } catch (err) {
    damage = `shard is truncated or corrupt: ${errorMessage(err)}`;
  } finally {
    tar.close();
  }
  if (damage === null) {
    if (current) yield sampleItem(shard, current);
    return;
  }
  const lost = current ? `; sample "${current.key}" and anything after it could not be read` : "";
  yield shardError(`${damage} (${samples} complete sample${samples === 1 ? "" : "s"} read before it${lost})`);
}
