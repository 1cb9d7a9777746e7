// The pipeline as the commands, the watch and the workers see it: load → parse → number → (public filter) → render →
// write (or print), composed for one meeting in src/pipeline/, one module a job.

export { DEFAULT_AGENDA_FORMATS, FORMATS, type Format } from './formats.js';
export type { Edition } from './output-names.js';
/** The register of one or many meetings, as `acta decisions` prints it. */
export { formatDecisions as renderDecisions } from './render/decisions/format-decisions.js';
export { meetingName, outputFolder } from './output-names.js';
export * from './pipeline/stages.js';
export * from './pipeline/render-outputs.js';
export * from './pipeline/build-meeting.js';
export * from './pipeline/archive.js';
export * from './pipeline/issue.js';
