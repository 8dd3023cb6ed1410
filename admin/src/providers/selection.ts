import { Kind, print, visit, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * The selection of a fragment written with `graphql(...)` (typed and checked by codegen), as the text the
 * generic resource queries of build-query.ts put inside a field: `id reference … deadlines { … }`. Spreads
 * of other fragments (`...StatisticsFigures`) are written out, so the text stands on its own.
 */
export const selectionOf = (fragment: DocumentNode): string => {
  const fragments = new Map(
    fragment.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((definition) => [definition.name.value, definition]),
  );
  const [own] = fragments.values();
  if (!own) throw new Error('not a fragment');
  const inline = (selectionSet: SelectionSetNode): SelectionSetNode =>
    visit(selectionSet, {
      FragmentSpread(spread) {
        const target = fragments.get(spread.name.value);
        if (!target) throw new Error(`fragment ${spread.name.value} is not in the document`);
        return { kind: Kind.INLINE_FRAGMENT, selectionSet: inline(target.selectionSet) };
      },
    });
  return print(inline(own.selectionSet)).slice(1, -1).trim();
};
