/**
 * `ectosmith workflows list|show|add|edit|remove`: what the Workflows screen does, for scripts. A
 * workflow cannot be saved with an unknown placeholder in its template or without a server.
 */
import {readFileSync} from 'node:fs';
import {createInterface} from 'node:readline/promises';
import {workflowFieldsOf} from '../config/config-store.js';
import type {WorkflowChecks, WorkflowFields} from '../config/entry-fields.js';
import {templatePlaceholders} from '../config/template-placeholders.js';
import {UsageError} from '../errors.js';
import {ExitCode} from '../exit-codes.js';
import {sanitizeForTerminal, sanitizeLine} from '../terminal/sanitize.js';
import {needName, withStore, write, writeJson} from './config-session.js';
import type {CliFlags} from './flags.js';

const SUBCOMMANDS = ['list', 'show', 'add', 'edit', 'remove'];
const EDIT_FLAGS = ['model', 'server', 'template', 'templateFile', 'maxTurns', 'checks', 'description', 'rename'] as const;
const DEFAULT_MODEL = 'gemini-2.5-flash';

export async function workflowsCommand(args: string[], flags: CliFlags): Promise<number> {
	const [subcommand, ...rest] = args;
	if (subcommand === undefined || !SUBCOMMANDS.includes(subcommand)) {
		const what = subcommand === undefined ? 'Missing workflows subcommand' : `Unknown workflows subcommand "${subcommand}"`;
		throw new UsageError(`${what}. Use one of: ${SUBCOMMANDS.join(', ')} (ectosmith workflows --help)`);
	}

	const editing = subcommand === 'add' || subcommand === 'edit';
	const misplaced = EDIT_FLAGS.find(flag => flags[flag] !== undefined && (!editing || (flag === 'rename' && subcommand !== 'edit')));
	if (misplaced) throw new UsageError(`--${misplaced.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)} means nothing to \`workflows ${subcommand}\``);
	if (flags.template !== undefined && flags.templateFile !== undefined) throw new UsageError('Give --template or --template-file, not both');

	switch (subcommand) {
		case 'list': {
			if (rest.length > 0) throw new UsageError(`Unexpected argument(s): ${rest.join(' ')}. Usage: ectosmith workflows list`);
			const workflows = await withStore(flags.db, async store => store.listWorkflows());
			if (flags.json) {
				writeJson(workflows.map(({id: _id, ...workflow}) => workflow));
				return ExitCode.ok;
			}

			if (workflows.length === 0) write('No workflows. Add one with `ectosmith workflows add NAME --server NAME --template-file FILE`.');
			for (const workflow of workflows) {
				write(sanitizeLine(`${workflow.name}: ${workflow.llmModel}, up to ${workflow.maxConversationTurns} turns, servers ${workflow.serverNames.join(', ')}`));
				if (workflow.description) write(`  ${sanitizeLine(workflow.description)}`);
			}

			return ExitCode.ok;
		}

		case 'show': {
			const name = needName(rest, 'workflow name', 'workflows show <name>');
			const {id: _id, ...workflow} = await withStore(flags.db, async store => store.getWorkflow(name));
			if (flags.json) {
				writeJson(workflow);
				return ExitCode.ok;
			}

			const {known} = templatePlaceholders(workflow.initialPromptTemplate);
			for (const [label, value] of [
				['name', workflow.name],
				['description', workflow.description || '(none)'],
				['model', workflow.llmModel],
				['max turns', String(workflow.maxConversationTurns)],
				['checks', workflow.checks ?? 'full'],
				['servers', workflow.serverNames.join(', ')],
				['placeholders', known.map(item => `{{${item}}}`).join(', ') || '(none: the description is appended)'],
				['updated', workflow.updatedAt.toISOString()],
			]) {
				write(sanitizeLine(`${`${label}:`.padEnd(14)}${value}`));
			}

			write('template:');
			write(sanitizeForTerminal(workflow.initialPromptTemplate));
			return ExitCode.ok;
		}

		case 'add': {
			const name = needName(rest, 'workflow name', 'workflows add <name> --server <name> --template-file <file>');
			const fields = applyFlags({name, description: '', llmModel: DEFAULT_MODEL, initialPromptTemplate: '', maxConversationTurns: 10, serverNames: []}, flags);
			const workflow = await withStore(flags.db, async store => store.addWorkflow(fields));
			write(sanitizeLine(`Added workflow ${workflow.name} (servers ${workflow.serverNames.join(', ')}).`));
			return ExitCode.ok;
		}

		case 'edit': {
			const name = needName(rest, 'workflow name', 'workflows edit <name> [options]');
			if (!EDIT_FLAGS.some(flag => flags[flag] !== undefined)) {
				throw new UsageError(`Nothing to change: give at least one of ${EDIT_FLAGS.map(flag => `--${flag.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)}`).join(', ')}`);
			}

			const workflow = await withStore(flags.db, async store => {
				const current = await store.getWorkflow(name);
				return store.updateWorkflow(name, applyFlags(workflowFieldsOf(current), flags), {expectedUpdatedAt: current.updatedAt});
			});
			write(sanitizeLine(`Saved workflow ${workflow.name}.`));
			return ExitCode.ok;
		}

		default: {
			const name = needName(rest, 'workflow name', 'workflows remove <name>');
			if (!flags.yes && process.stdin.isTTY === true) {
				const prompt = createInterface({input: process.stdin, output: process.stderr});
				const answer = await prompt.question(`Remove workflow ${sanitizeLine(name)}? [y/N] `);
				prompt.close();
				if (!/^y(es)?$/i.test(answer.trim())) {
					write('Nothing removed.');
					return ExitCode.failed;
				}
			}

			await withStore(flags.db, async store => store.removeWorkflow(name));
			write(sanitizeLine(`Removed workflow ${name}.`));
			return ExitCode.ok;
		}
	}
}

function applyFlags(base: WorkflowFields, flags: CliFlags): WorkflowFields {
	const fields = {...base};
	if (flags.rename !== undefined) fields.name = flags.rename;
	if (flags.model !== undefined) fields.llmModel = flags.model;
	if (flags.description !== undefined) fields.description = flags.description;
	if (flags.maxTurns !== undefined) fields.maxConversationTurns = flags.maxTurns;
	// Checked by the store with the other fields (one line naming the allowed values).
	if (flags.checks !== undefined) fields.checks = flags.checks as WorkflowChecks;
	if (flags.server !== undefined)
		fields.serverNames = [
			...new Set(
				flags.server
					.flatMap(value => value.split(','))
					.map(value => value.trim())
					.filter(Boolean),
			),
		];
	if (flags.template !== undefined) fields.initialPromptTemplate = flags.template;
	if (flags.templateFile !== undefined) {
		try {
			fields.initialPromptTemplate = readFileSync(flags.templateFile, 'utf8');
		} catch (error) {
			throw new UsageError(`--template-file ${flags.templateFile} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
		}
	}

	return fields;
}
