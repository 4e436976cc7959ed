/**
 * The values the data layer stores for an execution's status and a message's role. The data layer
 * owns them (the engine's event contract re-exports them), so nothing here depends on the engine.
 */
export const executionStatuses = ['STARTED', 'COMPLETED', 'FAILED', 'CANCELLED', 'INTERRUPTED'] as const;
export type ExecutionStatus = (typeof executionStatuses)[number];

export const messageRoles = ['user', 'model', 'tool_request', 'tool_response'] as const;
export type MessageRole = (typeof messageRoles)[number];
