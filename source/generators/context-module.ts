/** context.ex (Phoenix 1.8): the module a new context starts with. */
import type {ContextSpec} from './context-spec.js';

export function renderContextModule(context: ContextSpec): string {
	return `defmodule ${context.module} do
  @moduledoc """
  The ${context.name} context.
  """

  import Ecto.Query, warn: false
  alias ${context.schema.repoAlias}
end
`;
}
