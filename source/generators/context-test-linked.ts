/**
 * The `describe` block for a schema whose references the program sets (references.ts): Phoenix's
 * test_cases.exs with the parents created first and passed to create, plus what proves the
 * references hold: the stored ids, a parent that does not exist, and each unique index (a second
 * identical row is refused). Without plain fields there are no attrs, hence no invalid-attrs or
 * update tests.
 */
import {assertMatch} from './assert-layout.js';
import {
	assertions,
	attrsAssignment,
	DEFAULT_SAMPLE_NOW,
	deleteAndChangeCases,
	everyFieldOptional,
	formatterBlankLines,
	invalidAttrs,
	readCases,
	sampleParams,
	type TestContextNames,
	updateCases,
	withoutInvalidDataTests,
} from './context-test.js';
import {type LinkedParent, parentFixtureCall} from './references.js';
import {plainAttrs} from './schema.js';

function parentLines(parents: LinkedParent[], fixturesModule: string): string {
	return parents.map(parent => `      ${parent.variable} = ${parentFixtureCall(parent, fixturesModule)}\n`).join('');
}

export function renderLinkedTestCases(context: TestContextNames, now: Date = DEFAULT_SAMPLE_NOW): string {
	const {schema, alias: ctx} = context;
	const {singular: s, plural: p, alias: a} = schema;
	const parents = schema.parents ?? [];
	const withAttrs = plainAttrs(schema).length > 0;
	const fixtures = `${context.module}Fixtures`;
	const create = sampleParams(schema, 'create', now);
	const arity = parents.length + (withAttrs ? 1 : 0);
	const call = (args: string[], attrs?: string): string => `${ctx}.create_${s}(${[...args, ...(withAttrs && attrs ? [attrs] : [])].join(', ')})`;
	const variables = parents.map(parent => parent.variable);
	const made = parentLines(parents, fixtures);
	const validAttrs = withAttrs ? `${attrsAssignment('valid_attrs', create, 6, {before: false, after: false})}\n` : '';
	const setup = made + validAttrs;
	const checked = assertions(s, create) + parents.map(parent => `\n      assert ${s}.${parent.field} == ${parent.variable}.id`).join('');

	let cases = `
  describe "${p}" do
    alias ${schema.module}

    import ${fixtures}
${withAttrs ? `\n    ${invalidAttrs(schema)}\n` : ''}${readCases(context)}
    test "create_${s}/${arity} with valid data creates a ${s}" do
${setup}${setup ? '\n' : ''}${assertMatch(6, checked ? `{:ok, %${a}{} = ${s}}` : `{:ok, %${a}{}}`, call(variables, 'valid_attrs'))}${checked}
    end
`;
	if (withAttrs) {
		cases += `
    test "create_${s}/${arity} with invalid data returns error changeset" do
${made}${assertMatch(6, '{:error, %Ecto.Changeset{}}', call(variables, '@invalid_attrs'))}
    end
`;
	}

	const missingId = schema.binaryId ? 'Ecto.UUID.generate()' : '-1';
	for (const [index, parent] of parents.entries()) {
		const args = variables.map((variable, at) => (at === index ? `%{${variable} | id: ${missingId}}` : variable));
		cases += `
    test "create_${s}/${arity} with a ${parent.variable.replaceAll('_', ' ')} that does not exist returns error changeset" do
${setup}${setup ? '\n' : ''}${assertMatch(6, '{:error, %Ecto.Changeset{} = changeset}', call(args, 'valid_attrs'))}
      assert "does not exist" in errors_on(changeset).${parent.field}
    end
`;
	}

	for (const columns of schema.uniqueIndexes) {
		cases += `
    test "create_${s}/${arity} twice with the same ${columns.join(' and ')} returns error changeset" do
${setup}${setup ? '\n' : ''}${assertMatch(6, `{:ok, %${a}{}}`, call(variables, 'valid_attrs'))}
${assertMatch(6, '{:error, %Ecto.Changeset{} = changeset}', call(variables, 'valid_attrs'))}
      assert "has already been taken" in errors_on(changeset).${columns[0]}
    end
`;
	}

	if (withAttrs) cases += updateCases(context, now);
	cases += `${deleteAndChangeCases(context)}  end
`;
	cases = formatterBlankLines(cases);
	return everyFieldOptional(schema) ? withoutInvalidDataTests(cases) : cases;
}
