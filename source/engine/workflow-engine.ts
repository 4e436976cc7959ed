/**
 * The conversation loop: load a workflow, start its tool servers, render the prompt, then ask the
 * model for turns and run its function calls until it answers without any, recording every step
 * and emitting typed events. It knows nothing of the terminal. The jobs live beside it: set-up
 * (run-setup.ts), the turns (turn-loop.ts), one call (tool-call.ts), the approval gate
 * (approval-gate.ts), aborting (cancel.ts); this class composes them and owns the event stream.
 */
import {silentLogger} from '../log/logger.js';
import type {Logger} from '../log/types.js';
import type {Approvals} from './approval-gate.js';
import {CANCELLED_MESSAGE, Cancelled} from './cancel.js';
import type {EngineEvent, EngineEventListener} from './events.js';
import {openConversation, prepareRun, startExecution} from './run-setup.js';
import {type EngineParts, errorMessage, type RunOptions, type RunOutcome, type RunResult, type WorkflowEngineOptions} from './run-types.js';
import {runTurns} from './turn-loop.js';

export {DECLINED_TEXT} from './approval-gate.js';
export {CANCELLED_MESSAGE, DEFAULT_WRITE_GRACE_MS} from './cancel.js';
export type {EngineRecorder, LiveFinishedStatus, RunOptions, RunResult, WorkflowEngineOptions, WorkflowSource} from './run-types.js';

export class WorkflowEngine {
	private readonly listeners = new Set<EngineEventListener>();
	private readonly logger: Logger;
	private readonly parts: EngineParts;
	private recovered: Promise<number> | undefined;

	constructor(private readonly options: WorkflowEngineOptions) {
		this.logger = options.logger ?? silentLogger;
		this.parts = {options, logger: this.logger, emit: event => this.emit(event)};
	}

	/** Subscribes to the event stream; returns the unsubscribe function. */
	on(listener: EngineEventListener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/**
	 * Marks executions left STARTED by processes that no longer run as INTERRUPTED. Runs once per
	 * engine (the first run calls it); returns how many were marked.
	 */
	async recoverInterrupted(): Promise<number> {
		this.recovered ??= this.options.recorder.markInterrupted().then(count => {
			if (count > 0) this.logger.info('marked interrupted executions', {count});
			return count;
		});
		return this.recovered;
	}

	/**
	 * Runs one execution. Rejects only before the execution row exists (unknown workflow or parent,
	 * empty description, provider set-up); afterwards every path finishes the row and resolves.
	 */
	async run(options: RunOptions): Promise<RunResult> {
		await this.recoverInterrupted();
		const prepared = await prepareRun(this.parts, options);
		const {executionId, startedAt, log} = await startExecution(this.parts, prepared, options.dryRun);
		const signal = options.signal;

		let turns = 0;
		let outcome: RunOutcome;
		try {
			const approvals: Approvals = {hook: options.dryRun ? undefined : options.approve, all: false};
			const conversation = await openConversation(this.parts, prepared, executionId, signal);
			outcome = await runTurns(this.parts, {
				executionId,
				workflow: prepared.workflow,
				provider: prepared.provider,
				projectPath: prepared.projectPath,
				...conversation,
				signal,
				dryRun: options.dryRun === true,
				approvals,
				log,
				onTurn: n => (turns = n),
			});
		} catch (error) {
			if (signal?.aborted || error instanceof Cancelled) {
				outcome = {status: 'CANCELLED', errorMessage: CANCELLED_MESSAGE};
			} else {
				outcome = {status: 'FAILED', errorMessage: errorMessage(error)};
				log.error('execution failed', {error: errorMessage(error)});
			}
		}

		// One instant for the row and the event, so a replay rebuilds the same duration.
		const endTime = new Date();
		let recordError: string | undefined;
		try {
			await this.options.recorder.finishExecution(executionId, {...outcome, turnCount: turns, endTime});
		} catch (error) {
			// The row stays STARTED (the next start marks it INTERRUPTED) or is gone: the caller and the screen are told.
			recordError = errorMessage(error);
			log.error('could not finish the execution row', {error: recordError});
		}

		log.info('execution finished', {status: outcome.status, turns});
		const unrecorded = recordError === undefined ? {} : {recordError};
		this.emit({type: 'execution_finished', executionId, ...outcome, turns, durationMs: endTime.getTime() - startedAt, ...unrecorded});
		return {executionId, ...outcome, turns, ...unrecorded};
	}

	private emit(event: EngineEvent): void {
		for (const listener of this.listeners) {
			try {
				listener(event);
			} catch (error) {
				// A broken renderer must not break the run (or its record).
				this.logger.warn('event listener failed', {type: event.type, error: errorMessage(error)});
			}
		}
	}
}
