/**
/**
 * The schema pane's content: read by inspect_project's reader in this process (no tool server to
 * wait for) when the project is chosen, after every write of a run and after every other change
 * ectosmith makes to a project (an undo, from any screen), with the first good read kept as the
 * baseline the `+` marks compare against.
 */
import {useEffect, useRef, useState} from 'react';
import type {ProjectSchema, ProjectStatus, UiServices} from '../services.js';
import {useShell} from '../shell.js';

export interface ProjectSchemaRead {
	schema: ProjectSchema | undefined;
	/** The first schema read of this project, before this session wrote anything. */
	baseline: ProjectSchema | undefined;
}

export function useProjectSchema(services: UiServices | undefined, project: ProjectStatus | undefined, writes: number): ProjectSchemaRead {
	const [schema, setSchema] = useState<ProjectSchema>();
	const baseline = useRef<{path: string; schema: ProjectSchema}>(undefined);
	const shell = useShell();
	// Any project: the path an undo names and the one shown may be spelt differently (symlinks).
	const [changes, setChanges] = useState(0);
	useEffect(() => shell.onProjectChanged(() => setChanges(count => count + 1)), [shell]);
	useEffect(() => {
		if (!services || project?.kind !== 'mix') {
			setSchema(project ? {tables: [], problem: 'No Mix project: no schema to show.'} : undefined);
			return;
		}

		let live = true;
		void services.readSchema(project.path).then(read => {
			if (!live) return;
			if (baseline.current?.path !== project.path && !read.problem) baseline.current = {path: project.path, schema: read};
			setSchema(read);
		});
		return () => {
			live = false;
		};
	}, [services, project, writes, changes]);
	return {schema, baseline: baseline.current?.path === project?.path ? baseline.current?.schema : undefined};
}
