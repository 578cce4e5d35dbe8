export { parseMarker, LEVEL_OF_STYLE, type MarkerMatch, type MarkerStyle } from './marker/marker.js';
export { parseDocNumber, DOC_NUMBER_CANDIDATE, type DocNumberMatch } from './doc-number/doc-number.js';
export { parseDate, DATE_LINE, isoDate, type DateResult } from './date/date.js';
export { parseDeadline, resolveDeadline, DEADLINE_IN_TEXT, type DeadlineMatch, type DeadlineKind } from './deadline/deadline.js';
export { parseClause, CLAUSE_KEYWORDS, type ClauseParse } from './clause/clause.js';
