/**
 * The values the data layer stores for an execution's status, a message's role and a server's transport.
 * The data layer owns them (the engine's event contract re-exports some); nothing here loads the ORM.
 */
export const executionStatuses = ['STARTED', 'COMPLETED', 'FAILED', 'CANCELLED', 'INTERRUPTED'] as const;
export type ExecutionStatus = (typeof executionStatuses)[number];

export const messageRoles = ['user', 'model', 'tool_request', 'tool_response'] as const;
export type MessageRole = (typeof messageRoles)[number];

/** How a tool call's approval ended, on its tool_response row (null when none was asked). */
export const approvalOutcomes = ['approved', 'auto_approved', 'declined', 'declined_with_note'] as const;
export type ApprovalOutcome = (typeof approvalOutcomes)[number];

/** A workflow's `checks`: whether and how deep check_project goes (off: it is not offered). */
export const workflowChecks = ['off', 'compile', 'full'] as const;
export type WorkflowChecks = (typeof workflowChecks)[number];

/** How a client reaches a server: a child over stdio (all we run today), or a URL. */
export const serverTransports = ['stdio', 'http', 'sse'] as const;
export type ServerTransport = (typeof serverTransports)[number];
