// The generator library: pure functions from validated input to file texts.

export * from '../elixir/lexer.js';
export * from './attributes.js';
export * from './context.js';
export * from './context-test.js';
export * from './errors.js';
export * from './fixtures.js';
export * from './inject.js';
export * from './migration.js';
export * from './naming.js';
export * from './project-info.js';
export * from './reserved-names.js';
export * from './schema.js';
export * from './schema-spec.js';
