/** Flattens an MCP tools/call reply (content items, isError, structuredContent) into what the engine and the model see. */
import type {ToolCallResult} from './types.js';

interface ContentItem {
	type: string;
	text?: unknown;
	mimeType?: unknown;
	uri?: unknown;
	name?: unknown;
	resource?: {uri?: unknown; text?: unknown; mimeType?: unknown};
}

function describeContent(item: ContentItem): string {
	switch (item.type) {
		case 'text': {
			return typeof item.text === 'string' ? item.text : '';
		}

		case 'image':
		case 'audio': {
			return typeof item.mimeType === 'string' ? `[${item.type} ${item.mimeType}]` : `[${item.type}]`;
		}

		case 'resource': {
			const resource = item.resource ?? {};
			return typeof resource.text === 'string' ? resource.text : `[resource ${String(resource.uri ?? '')}]`.replace(' ]', ']');
		}

		case 'resource_link': {
			return `[resource link ${String(item.uri ?? item.name ?? '')}]`;
		}

		default: {
			return `[${item.type}]`;
		}
	}
}

export function toToolCallResult(toolName: string, result: {content?: unknown; isError?: unknown; structuredContent?: unknown}): ToolCallResult {
	const content = Array.isArray(result.content) ? (result.content as ContentItem[]) : [];
	const isError = result.isError === true;
	let text = content
		.map(item => describeContent(item))
		.filter(part => part !== '')
		.join('\n');
	if (text === '' && result.structuredContent !== undefined) {
		text = JSON.stringify(result.structuredContent);
	}

	if (text === '' && isError) {
		text = `The tool "${toolName}" reported an error without a message.`;
	}

	return {isError, text, ...(result.structuredContent === undefined ? {} : {structuredContent: result.structuredContent})};
}
