export {Execution, type IExecution, type IMessage, Message} from './execution.js';
export {type IMcpServer, McpServer, type ServerTransport, serverTransports} from './mcp-server.js';
export {type ExecutionStatus, executionStatuses, type MessageRole, messageRoles} from './statuses.js';
export {type IWorkflow, Workflow, type WorkflowChecks, workflowChecks} from './workflow.js';

import {Execution, Message} from './execution.js';
import {McpServer} from './mcp-server.js';
import {Workflow} from './workflow.js';

/** Every entity the ORM knows; one list so the runtime and tooling configs agree. */
export const allEntities = [McpServer, Workflow, Execution, Message];
