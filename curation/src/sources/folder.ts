/**
 * A folder of media files: every file under the root whose extension counts as media, walked
 * depth-first with each folder's entries sorted by name (code-unit order, the same on every
 * machine). The item's identity is its path relative to the root, with "/" separators.
 *
 * Empty files are yielded like any other (the decode stage marks them). Symbolic links are never
 * followed out of the root: a link to a media file inside the root is an item (located at the
 * link's real path), a link leaving the root is an error item "path escapes the source root", a
 * broken link with a media name is an error item, and a linked folder is not descended (what it
 * holds inside the root is walked under its real path already). A subfolder that cannot be read
 * is one error item, so its contents are not lost without a word.
 */
import { type Dirent } from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { errorCode, errorMessage, SourceError } from "./errors";
import { errorItem, itemId, locatedItem, type SourceItem } from "./item";
import { countOf, itemSource, type ItemSource } from "./item-source";
import { DEFAULT_MEDIA_EXTENSIONS, extensionOf } from "./media-extensions";
import type { FolderSourceConfig } from "./source-config";
import { ESCAPES_ROOT, isInside, openSourceRoot, type SourceRoot } from "./source-root";

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Opens a folder source; a root that is missing, not a folder or unreadable is a SourceError. */
export async function openFolderSource(config: FolderSourceConfig): Promise<ItemSource> {
  const root = await openSourceRoot(config.root, "folder");
  try {
    await fsp.access(root.real, fsp.constants.R_OK | fsp.constants.X_OK);
  } catch (err) {
    throw new SourceError(`folder ${root.path} cannot be read: ${errorMessage(err)}`);
  }
  const extensions = new Set(config.extensions ?? DEFAULT_MEDIA_EXTENSIONS);
  const walk = () => walkFolder(root, extensions);
  return itemSource("folder", walk, () => countOf(walk()));
}

/** Every media file under the root, in a deterministic order, as items. */
export async function* walkFolder(
  root: SourceRoot,
  extensions: ReadonlySet<string>,
  rel = "",
): AsyncGenerator<SourceItem> {
  let entries: Dirent[];
  try {
    entries = await fsp.readdir(rel ? path.join(root.real, rel) : root.real, { withFileTypes: true });
  } catch (err) {
    yield errorItem(itemId("folder", `${rel}/`), `${rel}/`, `folder cannot be read: ${errorMessage(err)}`);
    return;
  }
  entries.sort(byName);
  for (const entry of entries) {
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    const media = extensions.has(extensionOf(entry.name));
    if (entry.isDirectory()) {
      yield* walkFolder(root, extensions, relPath);
    } else if (entry.isFile()) {
      if (media)
        yield locatedItem(itemId("folder", relPath), relPath, {
          kind: "file",
          path: path.join(root.real, relPath),
        });
    } else if (entry.isSymbolicLink()) {
      const item = await linkItem(root, relPath, media);
      if (item) yield item;
    } else if (media) {
      yield errorItem(itemId("folder", relPath), relPath, "not a regular file");
    }
  }
}

/** What a symbolic link in the walk stands for: an item, an error item, or nothing. */
async function linkItem(root: SourceRoot, relPath: string, media: boolean): Promise<SourceItem | null> {
  const id = itemId("folder", relPath);
  let real: string;
  try {
    real = await fsp.realpath(path.join(root.real, relPath));
  } catch (err) {
    if (!media) return null;
    const reason = errorCode(err) === "ENOENT" ? "broken symbolic link" : errorMessage(err);
    return errorItem(id, relPath, reason);
  }
  const stat = await fsp.stat(real).catch(() => null);
  if (!isInside(root.real, real)) {
    // A linked folder leaving the root may hold media the run was meant to see: say so.
    if (media || stat?.isDirectory())
      return errorItem(id, relPath, `${ESCAPES_ROOT}: symbolic link to ${real}`);
    return null;
  }
  if (!media || stat?.isDirectory()) return null;
  if (!stat?.isFile()) return errorItem(id, relPath, "not a regular file");
  return locatedItem(id, relPath, { kind: "file", path: real });
}
