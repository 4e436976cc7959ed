import test from 'ava';
import {planOf} from './plan-of.js';

test('an existing Ecto schema: fields, Ecto.Enum, arrays, belongs_to, validate_required, unique_constraint, context from the module', t => {
	const planned = planOf(`defmodule MyApp.Catalog.Product do
  use Ecto.Schema
  import Ecto.Changeset

  schema "products" do
    field :name, :string
    field :sku, :string
    field :price, :decimal
    field :status, Ecto.Enum, values: [:draft, :live], default: :draft
    field :tags, {:array, :string}
    field :secret, :string, redact: true
    field :full_label, :string, virtual: true
    belongs_to :vendor, MyApp.Catalog.Supplier
    has_many :reviews, MyApp.Catalog.Review

    timestamps(type: :utc_datetime)
  end

  def changeset(product, attrs) do
    product
    |> cast(attrs, [:name, :sku, :price, :status, :tags, :secret, :vendor_id])
    |> validate_required([:name, :sku, :price, :vendor_id])
    |> unique_constraint(:sku)
  end
end`);
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.tables, {
		products: 'name:string sku:string:unique price:decimal status:enum:draft:live:default:draft:optional tags:array:string:optional secret:string:optional:redact vendor_id:references:suppliers',
		suppliers: '',
	});
	t.deepEqual(planned.contexts, {products: 'Catalog', suppliers: 'Catalog'});
});

test('an Ecto type outside the grammar (a custom type, an array of one) is read as string, and said so', t => {
	const planned = planOf(
		'defmodule App.Shop.Item do\n  use Ecto.Schema\n  schema "items" do\n    field :price, Money.Ecto.Type\n    field :codes, {:array, Money.Ecto.Type}\n    field :sizes, {:array, :integer}\n    field :placed_at, :utc_datetime_usec\n  end\nend',
	);
	if ('refused' in planned) return t.fail(planned.refused);
	t.is(planned.tables.items, 'price:string codes:string sizes:array:integer placed_at:utc_datetime_usec');
	t.true(planned.assumptions.some(line => line.startsWith('price: the type Money.Ecto.Type read as string')));
	t.true(planned.assumptions.some(line => line.startsWith('codes: the type {:array, Money.Ecto.Type} read as string')));
});
