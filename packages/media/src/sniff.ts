/**
 * Telling images from video/audio by their first bytes, so each goes to the right validator.
 * The answer only routes the file: sharp or ffprobe then decides what it really is, and the
 * file name's extension is never consulted.
 */

export type SniffedKind = "image" | "av";

const startsWith = (head: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
const ascii = (head: Buffer, at: number, length: number) => head.toString("latin1", at, at + length);

/** ISO-BMFF brands that are still images (AVIF, HEIF); anything else in an `ftyp` box is a movie. */
const IMAGE_BRANDS = new Set(["avif", "avis", "heic", "heix", "mif1", "msf1"]);

export function sniffKind(head: Buffer): SniffedKind {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47])) return "image"; // PNG
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "image"; // JPEG
  if (ascii(head, 0, 4) === "GIF8") return "image";
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 4) === "WEBP") return "image";
  if (ascii(head, 4, 4) === "ftyp" && IMAGE_BRANDS.has(ascii(head, 8, 4))) return "image";
  // SVG, TIFF, BMP, … go to sharp too, which names the format when it refuses it.
  const text = ascii(head, 0, 256).trimStart().toLowerCase();
  if (text.startsWith("<svg") || text.startsWith("<?xml")) return "image";
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]))
    return "image";
  if (ascii(head, 0, 2) === "BM") return "image";
  return "av";
}
