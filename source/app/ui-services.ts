/**
 * The screens' services on top of the wired program (source/app): workflows from AppConfig,
 * earlier descriptions from the recorder, the project read the way the engine reads it, the
 * schema read in this process by the reader inspect_project itself runs (phoenix-project), so the
 * pane waits for no tool server; runs through the engine.
 * Loaded after the first paint (it pulls in the ORM, the SDKs and the MCP client).
 */
import {readdirSync} from 'node:fs';
import type {RunOptions} from '../engine/workflow-engine.js';
import type {LlmProvider} from '../llm/provider.js';
import {scrubbedEvents} from '../log/scrub-stream.js';
import {mixProjectProblem} from '../phoenix-project/mix-project.js';
import {inspectProject} from '../phoenix-project/read-project.js';
import {inspectOutput} from '../tool-results/inspect-result.js';
import type {ProjectSchema, ProjectStatus, SchemaTable, UiRunRequest, UiServices, WorkflowChoice} from '../ui/services.js';
import type {WiredApp} from './open-app.js';

/** The parts of the wired app the screens use. */
type ScreensApp = Pick<WiredApp, 'engine' | 'config' | 'recorder' | 'mcp' | 'providerFor' | 'close'> & Partial<Pick<WiredApp, 'secretValues'>>;

export interface UiServicesOptions {
	/** Checks a folder and reads its app module (the engine's project reader). */
	readAppModule: (folder: string) => Promise<string | undefined>;
	/** Copies the demo project into a folder. */
	createDemo: (folder: string) => Promise<void>;
}

function problemOf(folder: string): ProjectStatus | undefined {
	switch (mixProjectProblem(folder)) {
		case 'missing':
			return {kind: 'problem', path: folder, message: 'This folder does not exist.', canCreateDemo: true};
		case 'not-a-folder':
			return {kind: 'problem', path: folder, message: 'This is not a folder.', canCreateDemo: false};
		case 'no-mix-exs':
			return {kind: 'problem', path: folder, message: 'Not a Mix project (no mix.exs).', canCreateDemo: readdirSync(folder).length === 0};
		case undefined:
			return undefined;
	}
}

/** Only what the pane draws is required, so a server that reports less still gets its tables drawn. */
const schemaList = inspectOutput.pick({schemas: true});

/** inspect_project's result (structuredContent, or the reader's own) -> the tables the schema pane draws, read by the tool's own schema. */
export function schemaFromInspection(structured: unknown): ProjectSchema {
	const parsed = schemaList.safeParse(structured);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const problem = issue.path.length <= 1 ? 'inspect_project gave no schema list.' : `inspect_project's schema list does not read: ${issue.path.join('.')}: ${issue.message}`;
		return {tables: [], problem};
	}

	const {schemas} = parsed.data;
	const moduleTables = new Map(schemas.flatMap(schema => (schema.table === undefined ? [] : [[schema.module, schema.table] as const])));
	const tables: SchemaTable[] = schemas.flatMap(schema =>
		schema.table === undefined
			? []
			: [
					{
						table: schema.table,
						module: schema.module,
						fields: schema.fields,
						references: schema.references.flatMap(link => {
							const target = link.table ?? (link.module === undefined ? undefined : (moduleTables.get(link.module) ?? link.module));
							return target === undefined ? [] : [{field: link.field, target}];
						}),
					},
				],
	);
	tables.sort((a, b) => a.table.localeCompare(b.table));
	return {tables};
}

export function createUiServices(app: ScreensApp, options: UiServicesOptions): UiServices {
	// Runs in progress: closing cancels them and waits, so their rows end CANCELLED, not STARTED.
	const running = new Set<{controller: AbortController; done: Promise<unknown>}>();

	return {
		async listWorkflows(): Promise<WorkflowChoice[]> {
			const workflows = await app.config.listWorkflows();
			return workflows.map(workflow => {
				let provider: Pick<LlmProvider, 'name' | 'model'>;
				try {
					provider = app.providerFor(workflow);
				} catch {
					// A provider that cannot be made now (a bad --script) fails the run with its message.
					provider = {name: 'offline', model: workflow.llmModel};
				}

				return {
					name: workflow.name,
					description: workflow.description,
					model: workflow.llmModel,
					servers: workflow.servers.map(server => server.name),
					maxTurns: workflow.maxConversationTurns,
					provider: provider.name,
					providerModel: provider.model,
				};
			});
		},

		async recentDescriptions(limit = 50) {
			return app.recorder.recentDescriptions(limit);
		},

		async checkProject(folder) {
			const problem = problemOf(folder);
			if (problem) return problem;
			const appModule = await options.readAppModule(folder);
			return {kind: 'mix', path: folder, ...(appModule === undefined ? {} : {appModule})};
		},

		async createDemoProject(folder) {
			await options.createDemo(folder);
		},

		async readSchema(projectPath) {
			try {
				// inspect_project's own reading, its result read by the same contract as the tool's.
				return schemaFromInspection(await inspectProject(projectPath));
			} catch (error) {
				return {tables: [], problem: error instanceof Error ? error.message : String(error)};
			}
		},

		async run(request: UiRunRequest, onEvent) {
			// The screen shows what the record stores: secrets scrubbed.
			const off = app.engine.on(scrubbedEvents(onEvent, app.secretValues ?? (() => [])));
			const controller = new AbortController();
			const forward = () => controller.abort(request.signal.reason);
			if (request.signal.aborted) forward();
			else request.signal.addEventListener('abort', forward, {once: true});
			let finish!: () => void;
			const entry = {controller, done: new Promise<void>(resolve => (finish = resolve))};
			running.add(entry);
			try {
				const options: RunOptions = {
					...(request.workflow === undefined ? {} : {workflow: request.workflow}),
					description: request.description,
					projectPath: request.projectPath,
					signal: controller.signal,
					...(request.continueFrom === undefined ? {} : {continueFrom: request.continueFrom}),
					...(request.approve === undefined ? {} : {approve: request.approve}),
				};
				const result = await app.engine.run(options);
				return {executionId: result.executionId, status: result.status};
			} finally {
				off();
				request.signal.removeEventListener('abort', forward);
				running.delete(entry);
				finish();
			}
		},

		async close() {
			const waiting = [...running];
			for (const entry of waiting) entry.controller.abort();
			await Promise.all(waiting.map(entry => entry.done));
			await app.close();
		},
	};
}
