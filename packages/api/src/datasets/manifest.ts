/** What an export says about itself: manifest.json, beside its files. */
import type { ExportConfig, Split } from "./export-config";
import type { Exclusions } from "./preference-rows";

export interface ExportFile {
  /** Relative to the export's root. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface SplitCounts {
  rows: number;
  prompts: number;
  /** Rows whose first image (image 0, A) was preferred, whose second was, and ties. */
  a: number;
  b: number;
  tie: number;
}

export interface ExportManifest {
  name: string;
  version: number;
  format: ExportConfig["format"];
  createdAt: string;
  /** The config, less the rater salt (which would let anyone re-link pseudonyms). */
  config: Omit<ExportConfig, "raterSalt">;
  axis: { id: string; label: string };
  sources: { studyId: string; name: string; status: string; judgments: number }[];
  /** False when a source study was still running: the export holds what existed then. */
  complete: boolean;
  counts: { rows: number; splits: Partial<Record<Split, SplitCounts>> };
  excluded: Exclusions;
  agreement: {
    items: number;
    itemsWithTwoOrMore: number;
    meanAgreement: number | null;
    /**
     * Krippendorff's α (nominal, on A / B / tie) over the exported items' judgments, or null with
     * the reason (no item judged twice; no variation).
     */
    krippendorffAlpha: number | null;
    alphaUndefinedReason: string | null;
  };
  /** Outputs whose files were not in storage and were skipped (skipMissingMedia). */
  skippedMissingMedia: string[];
  /**
   * The stored images the rows show (a "files" export): listed with their sha256 in SHA256SUMS,
   * not here, as there may be millions. None when the images are inline.
   */
  images: { count: number; bytes: number };
  /** The card, the data files and SHA256SUMS (which lists them and every image). */
  files: ExportFile[];
}
