/**
 * @loupe/curation — streaming, sharded, resumable curation stages (metadata, blur, OCR,
 * perceptual-hash dedup, concept balancing, ...) as pure functions over plain data.
 * Filled by the curation issue.
 */
export {};
