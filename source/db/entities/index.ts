export {McpServer, serverTransports, type ServerTransport, type IMcpServer} from './mcp-server.js';
export {Workflow, type IWorkflow} from './workflow.js';
export {Execution, Message, type IExecution, type IMessage} from './execution.js';
export {executionStatuses, messageRoles, type ExecutionStatus, type MessageRole} from './statuses.js';

import {McpServer} from './mcp-server.js';
import {Workflow} from './workflow.js';
import {Execution, Message} from './execution.js';

/** Every entity the ORM knows; one list so the runtime and tooling configs agree. */
export const allEntities = [McpServer, Workflow, Execution, Message];
