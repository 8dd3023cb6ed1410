import type { ResourceModel, SchemaModel } from './model-types';

/** The schema model of these resources and enums, with the lookup of a resource by name. */
export const modelOf = (resources: ResourceModel[], enums: SchemaModel['enums']): SchemaModel => ({
  resources,
  enums,
  getResource(name) {
    const resource = resources.find((candidate) => candidate.name === name);
    if (!resource) throw new Error(`Unknown resource ${name}`);
    return resource;
  },
});
