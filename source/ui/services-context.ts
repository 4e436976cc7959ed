/** The program's services once loaded (they arrive after the first paint), and the start-up flags. */
import {createContext, useContext} from 'react';
import type {UiServices} from './services.js';

export interface UiOptions {
	/** --project, resolved; default the current folder. */
	project: string;
	workflow?: string;
	/** --yes: approve every write without asking. */
	yes: boolean;
	/** `ectosmith replay ID`: the History screen opens with this execution's Replay. */
	replay?: number;
}

export interface ServicesState {
	services?: UiServices;
	/** Loading the program failed (database, provider...): the message to show. */
	error?: string;
	options: UiOptions;
}

export const ServicesContext = createContext<ServicesState>({options: {project: process.cwd(), yes: false}});

export const useServices = () => useContext(ServicesContext);
