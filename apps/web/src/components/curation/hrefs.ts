/** Where the curation pages live. */
export const curationHref = (projectSlug: string) => `/p/${encodeURIComponent(projectSlug)}/curation`;
export const curationRunHref = (projectSlug: string, runId: string) =>
  `${curationHref(projectSlug)}/${encodeURIComponent(runId)}`;
export const curationDownloadHref = (projectSlug: string, runId: string, file: string) =>
  `/api/curation/${encodeURIComponent(projectSlug)}/${encodeURIComponent(runId)}/${file}`;
/** Where members answer a filter audit (outside the Curation section, which raters cannot open). */
export const curationAuditHref = (projectSlug: string, auditId: string) =>
  `/p/${encodeURIComponent(projectSlug)}/audits/${encodeURIComponent(auditId)}`;
