/**
 * What the Run screen runs against, read once the services arrive: the workflows (and the one
 * chosen, by --workflow or the default rule), the project folder and its status, and the earlier
 * descriptions that ↑ recalls.
 */
import {useEffect, useState} from 'react';
import {defaultWorkflowOf} from '../../config/default-workflow.js';
import type {ProjectStatus, UiServices, WorkflowChoice} from '../services.js';

export interface RunSources {
	workflows: WorkflowChoice[] | undefined;
	/** Index into workflows; -1 while none is chosen. */
	chosen: number;
	setChosen(index: number): void;
	projectPath: string;
	setProjectPath(folder: string): void;
	/** Read the same folder again (the demo project was just copied into it). */
	rereadProject(): void;
	project: ProjectStatus | undefined;
	recent: string[];
	remember(description: string): void;
}

export function useRunSources(services: UiServices | undefined, options: {workflow?: string; project: string}, notice: (text: string) => void): RunSources {
	const [workflows, setWorkflows] = useState<WorkflowChoice[]>();
	const [chosen, setChosen] = useState(0);
	const [projectPath, setProjectPath] = useState(options.project);
	const [projectReads, setProjectReads] = useState(0);
	const [project, setProject] = useState<ProjectStatus>();
	const [recent, setRecent] = useState<string[]>([]);

	useEffect(() => {
		if (!services) return;
		void services.listWorkflows().then(
			found => {
				setWorkflows(found);
				const wanted = options.workflow === undefined ? -1 : found.findIndex(entry => entry.name === options.workflow);
				// The rule headless runs follow; with no default the user chooses (-1: none chosen yet).
				const fallback = defaultWorkflowOf(found);
				setChosen(wanted >= 0 ? wanted : fallback ? found.indexOf(fallback) : -1);
				if (options.workflow !== undefined && wanted < 0) {
					notice(`Unknown workflow "${options.workflow}". Known: ${found.map(entry => entry.name).join(', ') || '(none)'}`);
				}
			},
			(error: unknown) => notice(String((error as Error).message ?? error)),
		);
		void services.recentDescriptions().then(setRecent, () => undefined);
	}, [services]);

	useEffect(() => {
		if (!services) return;
		let live = true;
		setProject(undefined);
		void services.checkProject(projectPath).then(status => live && setProject(status));
		return () => {
			live = false;
		};
	}, [services, projectPath, projectReads]);

	return {
		workflows,
		chosen,
		setChosen,
		projectPath,
		setProjectPath,
		rereadProject: () => setProjectReads(count => count + 1),
		project,
		recent,
		remember: query => setRecent(known => [query, ...known.filter(entry => entry !== query)]),
	};
}
