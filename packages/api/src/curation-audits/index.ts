/** Human audits of curation filters: create, prepare (a worker job), answer, read (`@loupe/api/curation-audits`). */
export {
  createCurationAudit,
  markCurationAuditFailed,
  auditSettings,
  type AuditSettings,
} from "./create-audit";
export { prepareCurationAudit } from "./prepare-audit";
export {
  answerAuditItem,
  answeredAuditItem,
  nextAuditItem,
  AUDIT_VERDICTS,
  type AuditItemView,
} from "./answer";
export {
  listCurationAudits,
  myCurationAudits,
  curationAuditTitle,
  type CurationAuditSummary,
  type CurationAuditWithFindings,
} from "./results";
