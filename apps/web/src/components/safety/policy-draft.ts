/**
 * The policy editor's state: categories and severities as editable rows, and their translation
 * into what `safety.updatePolicy` takes. A new row's id follows its label until the researcher
 * types an id of their own; ids of saved rows never change by themselves, because reviews
 * already recorded refer to them.
 */
import { idFromLabel } from "../../lib/list-edit";
import type { Policy } from "./types";

export type EntryDraft = {
  /** Stable React key (ids can be edited, so they cannot be keys). */
  key: string;
  id: string;
  label: string;
  /** A category's guidance or a severity's description. */
  text: string;
  /** The id is derived from the label (new rows, until the id is edited). */
  autoId: boolean;
};

let counter = 0;
const nextKey = (prefix: string) => `${prefix}-new-${++counter}`;

export function newEntry(prefix: string): EntryDraft {
  return { key: nextKey(prefix), id: "", label: "", text: "", autoId: true };
}

export function categoryDrafts(policy: Pick<Policy, "categories">): EntryDraft[] {
  return policy.categories.map((c) => ({
    key: `category-${c.id}`,
    id: c.id,
    label: c.label,
    text: c.guidance,
    autoId: false,
  }));
}

export function severityDrafts(policy: Pick<Policy, "severities">): EntryDraft[] {
  return policy.severities.map((s) => ({
    key: `severity-${s.id}`,
    id: s.id,
    label: s.label,
    text: s.description,
    autoId: false,
  }));
}

/** A row after its label changed: an auto id follows the label. */
export function withLabel(entry: EntryDraft, label: string): EntryDraft {
  return { ...entry, label, id: entry.autoId ? idFromLabel(label) : entry.id };
}

/** A row after its id was typed: from now on the id is the researcher's. */
export function withId(entry: EntryDraft, id: string): EntryDraft {
  return { ...entry, id, autoId: false };
}

export function toCategories(entries: readonly EntryDraft[]) {
  return entries.map((e) => ({ id: e.id.trim(), label: e.label.trim(), guidance: e.text }));
}

export function toSeverities(entries: readonly EntryDraft[]) {
  return entries.map((e) => ({ id: e.id.trim(), label: e.label.trim(), description: e.text }));
}
