import type { ComponentProps, ReactElement } from 'react';
import { Resource } from 'react-admin';
import { lazyView } from '../layout/lazy-view';
import type { SchemaModel } from './schema-model';

// the generic views are what ADMIN works in and staff only look values up in: loaded when first opened
const SchemaList = lazyView(() => import('./schema-views').then((module) => module.SchemaList));
const SchemaShow = lazyView(() => import('./schema-views').then((module) => module.SchemaShow));
const SchemaEdit = lazyView(() => import('./schema-views').then((module) => module.SchemaEdit));
const SchemaCreate = lazyView(() => import('./schema-views').then((module) => module.SchemaCreate));

type ResourceViews = Partial<Pick<ComponentProps<typeof Resource>, 'list' | 'show' | 'edit' | 'create' | 'icon' | 'recordRepresentation'>>;

export interface SchemaResourceOptions {
  /**
   * Hand-written views for a resource whose workflow needs more than a form (see
   * `src/complaints/`); a view given as `null` is left out, the others stay generic.
   */
  views?: Record<string, { [K in keyof ResourceViews]: ResourceViews[K] | null }>;
  /** These resources first, in this order (the first is the start page); then the others. */
  first?: string[];
  /** Resources not to register at all (e.g. what the signed-in role may not read). */
  omit?: string[];
  /** Resources registered to look values up and follow links to, but not a page of the menu (`options.inMenu: false`). */
  notInMenu?: string[];
  /**
   * The generic views without create, edit and delete (the API lets only ADMIN change those
   * resources; other staff may read them). Hand-written views are not affected.
   */
  readOnly?: boolean;
}

const orderOf = (first: string[], name: string) => {
  const index = first.indexOf(name);
  return index === -1 ? first.length : index;
};

/** One react-admin Resource per resource type in the schema, offering what the API offers. */
export const schemaResources = (schema: SchemaModel, options: SchemaResourceOptions = {}): ReactElement[] => {
  const { views = {}, first = [], omit = [], notInMenu = [], readOnly = false } = options;
  return schema.resources
    .filter((model) => !omit.includes(model.name))
    .map((model, index) => ({ model, index }))
    .sort((left, right) => orderOf(first, left.model.name) - orderOf(first, right.model.name) || left.index - right.index)
    .map(({ model }) => {
      const custom = views[model.name] ?? {};
      const pick = <K extends keyof ResourceViews>(key: K, generic: ResourceViews[K]) => (key in custom ? (custom[key] ?? undefined) : generic);
      return (
        <Resource
          key={model.name}
          name={model.name}
          recordRepresentation={pick('recordRepresentation', model.displayField)}
          options={{ inMenu: !notInMenu.includes(model.name) }}
          icon={pick('icon', undefined)}
          list={pick('list', <SchemaList model={model} readOnly={readOnly} />)}
          show={pick('show', model.getOne ? <SchemaShow model={model} /> : undefined)}
          edit={pick('edit', model.getOne && model.update && !readOnly ? <SchemaEdit model={model} /> : undefined)}
          create={pick('create', model.create && !readOnly ? <SchemaCreate model={model} /> : undefined)}
        />
      );
    });
};
