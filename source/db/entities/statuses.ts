/**
 * The values the data layer stores for an execution's status and a message's role. The data layer
 * owns them (the engine's event contract re-exports them), so nothing here depends on the engine.
 */
export const executionStatuses = ['STARTED', 'COMPLETED', 'FAILED', 'CANCELLED', 'INTERRUPTED'] as const;
export type ExecutionStatus = (typeof executionStatuses)[number];

export const messageRoles = ['user', 'model', 'tool_request', 'tool_response'] as const;
export type MessageRole = (typeof messageRoles)[number];

/** How a tool call's approval ended, on its tool_response row (null when none was asked). */
export const approvalOutcomes = ['approved', 'auto_approved', 'declined', 'declined_with_note'] as const;
export type ApprovalOutcome = (typeof approvalOutcomes)[number];
