/** Human audits of curation filters: verdicts and each filter's measured precision (`@loupe/curation/audit`). */
export {
  groupAgreement,
  verdictOf,
  type AuditedItem,
  type AuditVerdict,
  type GroupAgreement,
} from "./filter-precision";
