/**
 * The record's vocabulary (execution statuses, message roles, approval outcomes) as the readers of
 * the record (history, the UI, the commands) see it. The data layer owns the values (db/ depends on
 * nothing above it); this is the one door the parts above records/ use, so none reaches into db/.
 */
export {type ApprovalOutcome, approvalOutcomes, type ExecutionStatus, executionStatuses, type MessageRole, messageRoles} from '../db/entities/statuses.js';
