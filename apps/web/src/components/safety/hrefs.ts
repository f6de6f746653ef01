/** Where the Safety section's pages and the reviewers' pages live. */

export function safetyHrefs(projectSlug: string) {
  const section = `/p/${encodeURIComponent(projectSlug)}/safety`;
  return {
    section,
    policy: `${section}/policy`,
    newReview: `${section}/new`,
    report: (studyId: string) => `${section}/${encodeURIComponent(studyId)}`,
  };
}

/** The reviewer's page for a study, and the senior reviewers' escalation queue. */
export function reviewHrefs(studyId: string) {
  const review = `/review/${encodeURIComponent(studyId)}`;
  return { review, escalations: `${review}/escalations` };
}
