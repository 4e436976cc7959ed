/**
 * The access functions of a schema whose references the program sets (references.ts): Phoenix's
 * schema_access.ex, with create taking the parents (`create_comment(%Post{} = post, attrs)`) and
 * putting their ids in the struct before the changeset. A schema without plain fields has no
 * attrs to take: create takes only the parents, nothing can be updated, change takes the struct.
 */
import {BS, type ContextSpec} from './context-spec.js';
import {defHead, fitOrBreak} from './layout.js';
import {type LinkedParent, parentWords} from './references.js';
import {plainAttrs} from './schema.js';
import {deleteAndChangeDoc, listAndGet, updateFunction} from './schema-access.js';

const escapeRegExp = (text: string): string => text.replaceAll('.', '\\.');

/**
 * How the context names a parent's struct: its alias when the context has it or can add it
 * without a clash, else the full module. `aliases` collects the alias lines to add.
 */
function parentStruct(parent: LinkedParent, context: ContextSpec, existing: string, aliases: string[]): string {
	if (new RegExp(`^\\s*alias ${escapeRegExp(parent.module)}\\s*$`, 'm').test(existing) || aliases.includes(parent.module)) return parent.alias;
	const clash = parent.alias === context.schema.alias || new RegExp(`^\\s*alias [\\w.]+\\.${parent.alias}\\s*$`, 'm').test(existing) || aliases.some(module => module.endsWith(`.${parent.alias}`));
	if (clash) return parent.module;
	aliases.push(parent.module);
	return parent.alias;
}

/**
 * The context's text as it was before this schema's block: the alias lines the block added
 * itself (right after its `alias` of the schema) do not count, so a second identical call
 * renders the same block and changes nothing.
 */
function withoutOwnAliases(existing: string, module: string): string {
	return existing.replace(new RegExp(`^(  alias ${escapeRegExp(module)}\\n)(?:  alias [\\w.]+\\n)+`, 'm'), '$1');
}

export function schemaAccessLinked(context: ContextSpec, current = ''): string {
	const {module, alias: a, singular: s} = context.schema;
	const existing = withoutOwnAliases(current, module);
	const parents = context.schema.parents ?? [];
	const withAttrs = plainAttrs(context.schema).length > 0;
	const aliases: string[] = [];
	const patterns = parents.map(parent => `%${parentStruct(parent, context, existing, aliases)}{} = ${parent.variable}`);
	const args = [...patterns, ...(withAttrs ? ['attrs'] : [])];
	const exampleArgs = [...parents.map(parent => parent.variable), ...(withAttrs ? ['%{field: value}'] : [])].join(', ');
	const badArgs = [...parents.map(parent => parent.variable), ...(withAttrs ? ['%{field: bad_value}'] : [])].join(', ');
	const struct = fitOrBreak(
		4,
		`%${a}{`,
		parents.map(parent => `${parent.field}: ${parent.variable}.id`),
		'}',
	);
	const words = parentWords(parents);
	const update = withAttrs ? `\n${updateFunction(context)}` : '';
	const change = withAttrs
		? `${defHead(2, `change_${s}`, [`%${a}{} = ${s}`, `attrs ${BS} %{}`])}
    ${a}.changeset(${s}, attrs)
  end`
		: `${defHead(2, `change_${s}`, [`%${a}{} = ${s}`])}
    ${a}.changeset(${s})
  end`;
	return `
  alias ${module}
${aliases.map(alias => `  alias ${alias}\n`).join('')}
${listAndGet(context)}
  @doc """
  Creates a ${s}${words ? ` for the given ${words}` : ''}.

  ## Examples

      iex> create_${s}(${exampleArgs})
      {:ok, %${a}{}}

      iex> create_${s}(${badArgs})
      {:error, %Ecto.Changeset{}}

  """
${args.length > 0 ? defHead(2, `create_${s}`, args) : `  def create_${s} do`}
    ${struct}
    |> ${a}.changeset(${withAttrs ? 'attrs' : ''})
    |> Repo.insert()
  end
${update}
${deleteAndChangeDoc(context)}${change}
`;
}
