/** Study results: computed by the worker (refresh), read by pages, the API and share links. */
export { refreshStudyResults } from "./refresh";
export { requestResultsRefresh } from "./refresh-requests";
export type { StudyResults } from "./types";
