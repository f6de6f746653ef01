"use client";

import { useState } from "react";
import { ErrorMessage } from "../error-message";
import { buttonClass, hintClass, inputClass, labelClass, secondaryButtonClass } from "../styles";
import {
  definitionOf,
  initialForm,
  type CatalogueStage,
  type PipelineForm as FormState,
  type SourceForm,
} from "./pipeline-form-state";

type Stage = CatalogueStage & { label: string; cost: string; modelKind: string | null };

/**
 * The pipeline as a form: the medium, where the items come from, which stages run with which
 * thresholds (prefilled with each stage's defaults), near-duplicate removal and the outputs. It
 * sends the same definition the YAML editor does, and "Edit as YAML" hands it over to go on by hand.
 */
export function PipelineForm({
  root,
  catalogue,
  pending,
  onSubmit,
  onEditAsYaml,
}: {
  root: string;
  catalogue: { image: Stage[]; video: Stage[] };
  pending: boolean;
  onSubmit: (definition: Record<string, unknown>) => void;
  onEditAsYaml: (definition: Record<string, unknown>) => void;
}) {
  const [form, setForm] = useState<FormState>(() => initialForm(root, catalogue.image));
  const [errors, setErrors] = useState<string[]>([]);
  const stages = catalogue[form.media];
  const update = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const setSource = (source: SourceForm) => update({ source });

  function build(then: (definition: Record<string, unknown>) => void) {
    const result = definitionOf(
      form,
      stages.map((s) => s.id),
    );
    if ("errors" in result) {
      setErrors(result.errors);
      return;
    }
    setErrors([]);
    then(result.definition);
  }

  return (
    <form
      className="space-y-4"
      aria-label="Pipeline form"
      onSubmit={(e) => {
        e.preventDefault();
        build(onSubmit);
      }}
    >
      <div className="flex flex-wrap gap-4">
        <div>
          <label htmlFor="pf-name" className={labelClass}>
            Name
          </label>
          <input
            id="pf-name"
            className={inputClass}
            value={form.name}
            onChange={(e) => update({ name: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor="pf-media" className={labelClass}>
            Media
          </label>
          <select
            id="pf-media"
            className={inputClass}
            value={form.media}
            onChange={(e) => {
              const media = e.target.value as FormState["media"];
              const fresh = initialForm(root, catalogue[media], media);
              update({ media, stages: fresh.stages, dedup: fresh.dedup });
            }}
          >
            <option value="image">Images</option>
            <option value="video">Videos</option>
          </select>
        </div>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Source</legend>
        <SourceFields source={form.source} onChange={setSource} />
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Stages (they run cheapest first)</legend>
        <ul className="space-y-2">
          {stages.map((s) => {
            const state = form.stages[s.id] ?? { enabled: false, options: {} };
            const setStage = (next: typeof state) => update({ stages: { ...form.stages, [s.id]: next } });
            return (
              <li key={s.id} className="flex flex-wrap items-end gap-3">
                <label className="flex w-56 items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={state.enabled}
                    onChange={(e) => setStage({ ...state, enabled: e.target.checked })}
                  />
                  {s.label}
                  {s.modelKind ? <span className="text-xs text-zinc-500">({s.modelKind} model)</span> : null}
                </label>
                {state.enabled
                  ? Object.entries(state.options).map(([option, value]) => (
                      <div key={option}>
                        <label htmlFor={`pf-${s.id}-${option}`} className={`${labelClass} text-xs`}>
                          {s.id}.{option}
                        </label>
                        <input
                          id={`pf-${s.id}-${option}`}
                          inputMode="decimal"
                          className={`${inputClass} w-32`}
                          value={value}
                          placeholder="default"
                          onChange={(e) =>
                            setStage({ ...state, options: { ...state.options, [option]: e.target.value } })
                          }
                        />
                      </div>
                    ))
                  : null}
              </li>
            );
          })}
        </ul>
      </fieldset>

      <fieldset className="flex flex-wrap items-end gap-4">
        <legend className="text-sm font-semibold">Near-duplicates and outputs</legend>
        {form.stages.phash?.enabled ? (
          <>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={form.dedup.enabled}
                onChange={(e) => update({ dedup: { ...form.dedup, enabled: e.target.checked } })}
              />
              Remove near-duplicates
            </label>
            <div>
              <label htmlFor="pf-distance" className={`${labelClass} text-xs`}>
                Max Hamming distance (of 64 bits)
              </label>
              <input
                id="pf-distance"
                inputMode="numeric"
                className={`${inputClass} w-24`}
                value={form.dedup.maxDistance}
                onChange={(e) => update({ dedup: { ...form.dedup, maxDistance: e.target.value } })}
              />
            </div>
          </>
        ) : null}
        <div>
          <label htmlFor="pf-manifest" className={`${labelClass} text-xs`}>
            Kept and dropped sets as
          </label>
          <select
            id="pf-manifest"
            className={inputClass}
            value={form.outputs.manifest}
            onChange={(e) =>
              update({ outputs: { ...form.outputs, manifest: e.target.value as "parquet" | "jsonl" } })
            }
          >
            <option value="parquet">Parquet</option>
            <option value="jsonl">JSON Lines</option>
          </select>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={form.outputs.webdataset}
            onChange={(e) => update({ outputs: { ...form.outputs, webdataset: e.target.checked } })}
          />
          Kept set as WebDataset shards
        </label>
        {form.media === "video" ? (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={form.outputs.clips}
              onChange={(e) => update({ outputs: { ...form.outputs, clips: e.target.checked } })}
            />
            Cut the kept videos into clips (needs Scene cuts)
          </label>
        ) : null}
      </fieldset>

      <ErrorMessage>{errors.length ? errors.join("; ") : null}</ErrorMessage>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Starting…" : "Start run"}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={() => build(onEditAsYaml)}>
          Edit as YAML
        </button>
      </div>
      <p className={hintClass}>Blank thresholds keep the stage&rsquo;s default.</p>
    </form>
  );
}

function SourceFields({ source, onChange }: { source: SourceForm; onChange: (s: SourceForm) => void }) {
  const field = (id: string, label: string, value: string, set: (v: string) => void, hint?: string) => (
    <div>
      <label htmlFor={id} className={`${labelClass} text-xs`}>
        {label}
      </label>
      <input
        id={id}
        className={`${inputClass} w-80`}
        value={value}
        placeholder={hint}
        onChange={(e) => set(e.target.value)}
      />
    </div>
  );
  const fresh: Record<SourceForm["kind"], SourceForm> = {
    folder: { kind: "folder", root: "" },
    manifest: { kind: "manifest", path: "", column: "path", columnName: "path", captionColumn: "" },
    webdataset: { kind: "webdataset", shards: "", root: "" },
    s3: { kind: "s3", bucket: "", prefix: "", endpoint: "" },
  };
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="pf-source-kind" className={`${labelClass} text-xs`}>
          Kind
        </label>
        <select
          id="pf-source-kind"
          className={inputClass}
          value={source.kind}
          onChange={(e) => onChange(fresh[e.target.value as SourceForm["kind"]])}
        >
          <option value="folder">A folder</option>
          <option value="manifest">A manifest (JSONL, CSV, Parquet)</option>
          <option value="webdataset">WebDataset shards</option>
          <option value="s3">A bucket (S3)</option>
        </select>
      </div>
      {source.kind === "folder"
        ? field(
            "pf-root",
            "Folder",
            source.root,
            (root) => onChange({ ...source, root }),
            "/data/corpora/photos",
          )
        : null}
      {source.kind === "manifest" ? (
        <>
          {field("pf-path", "Manifest", source.path, (path) => onChange({ ...source, path }))}
          <div>
            <label htmlFor="pf-column-kind" className={`${labelClass} text-xs`}>
              Items are
            </label>
            <select
              id="pf-column-kind"
              className={inputClass}
              value={source.column}
              onChange={(e) => onChange({ ...source, column: e.target.value as "path" | "url" })}
            >
              <option value="path">paths</option>
              <option value="url">URLs</option>
            </select>
          </div>
          {field("pf-column", "in the column", source.columnName, (columnName) =>
            onChange({ ...source, columnName }),
          )}
          {field("pf-caption", "Caption column", source.captionColumn, (captionColumn) =>
            onChange({ ...source, captionColumn }),
          )}
        </>
      ) : null}
      {source.kind === "webdataset" ? (
        <>
          {field(
            "pf-shards",
            "Shards (comma-separated)",
            source.shards,
            (shards) => onChange({ ...source, shards }),
            "data-{0000..0099}.tar",
          )}
          {field("pf-shard-root", "Root", source.root, (root) => onChange({ ...source, root }))}
        </>
      ) : null}
      {source.kind === "s3" ? (
        <>
          {field("pf-bucket", "Bucket", source.bucket, (bucket) => onChange({ ...source, bucket }))}
          {field(
            "pf-prefix",
            "Prefix",
            source.prefix,
            (prefix) => onChange({ ...source, prefix }),
            "photos/",
          )}
          {field("pf-endpoint", "Endpoint (S3-compatible servers)", source.endpoint, (endpoint) =>
            onChange({ ...source, endpoint }),
          )}
        </>
      ) : null}
    </div>
  );
}
