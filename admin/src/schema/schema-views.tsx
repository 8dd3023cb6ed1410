import type { ReactElement } from 'react';
import {
  ColumnsButton,
  Create,
  CreateButton,
  DataTable,
  DeleteButton,
  Edit,
  FilterButton,
  List,
  SaveButton,
  Show,
  SimpleForm,
  SimpleShowLayout,
  Toolbar,
  TopToolbar,
  useFilterContext,
  useResourceDefinition,
} from 'react-admin';
import { renderField } from './field-components';
import { useSavedNotice } from './saved-notice';
import { renderFilter, renderInput } from './input-components';
import { isTechnicalField, type FieldModel, type ResourceModel } from './schema-model';
import { usePhone } from '../complaints/list-layout';

/**
 * Generic list, show, edit and create views, driven entirely by the resource's model: a new
 * type or field in schema/schema.graphql shows up here without a hand-written screen.
 */

const TIMESTAMPS = ['createdAt', 'updatedAt', 'lastLoginAt'];

/** Display field first, then text, choices, other values, switches; timestamps last. */
const displayOrder = (model: ResourceModel, fields: FieldModel[]): FieldModel[] => {
  const rank = ({ name, type }: FieldModel) => {
    if (name === model.displayField) return 0;
    if (TIMESTAMPS.includes(name)) return 6;
    switch (type.kind) {
      case 'scalar':
        if (type.scalar === 'Boolean') return 4;
        return type.scalar === 'String' || type.scalar === 'ID' ? 1 : 3;
      case 'enum':
      case 'reference':
        return 2;
      case 'object':
        return 5;
    }
  };
  return [...fields].sort((left, right) => rank(left) - rank(right));
};

/** Forms: what identifies the record first, switches and timestamps last. */
const formOrder = (model: ResourceModel, fields: FieldModel[]): FieldModel[] => {
  const rank = ({ name, type }: FieldModel) => {
    if (name === model.displayField) return 0;
    if (/email$/i.test(name)) return 1;
    if (/password$/i.test(name)) return 2;
    if (type.kind === 'scalar' && type.scalar === 'Boolean') return 5;
    if (type.kind === 'enum' || type.kind === 'reference') return 4;
    if (type.kind === 'object') return 6;
    return 3;
  };
  return [...fields].sort((left, right) => rank(left) - rank(right));
};

const presentElements = (elements: (ReactElement | null)[]): ReactElement[] => elements.filter((element): element is ReactElement => element !== null);

/** Shown at first: more made a list of policies 2 462 px wide at 1440; the rest come back with the columns button. */
const FIRST_COLUMNS = 6;

/** The filters and the create button as react-admin's own list toolbar has them, and the columns to choose. */
const SchemaListActions = ({ choosable }: { choosable: boolean }) => {
  const { hasCreate } = useResourceDefinition();
  const filters = useFilterContext();
  const phone = usePhone();
  return (
    <TopToolbar>
      {filters ? <FilterButton /> : null}
      {choosable && !phone ? <ColumnsButton /> : null}
      {hasCreate ? <CreateButton /> : null}
    </TopToolbar>
  );
};

export const SchemaList = ({ model, readOnly = false }: { model: ResourceModel; readOnly?: boolean }) => {
  const filters = presentElements(model.filterFields.map(renderFilter));
  const columns = displayOrder(
    model,
    model.fields.filter((field) => !isTechnicalField(field.name) && field.type.kind !== 'object'),
  );
  const hidden = columns.slice(FIRST_COLUMNS).map((field) => field.name);
  return (
    <List
      filters={filters.length > 0 ? filters : undefined}
      sort={model.defaultSort}
      perPage={25}
      exporter={false}
      actions={<SchemaListActions choosable={hidden.length > 0} />}
    >
      <DataTable
        rowClick={model.getOne ? 'show' : model.update && !readOnly ? 'edit' : false}
        bulkActionButtons={model.delete && !readOnly ? undefined : false}
        hiddenColumns={hidden}
      >
        {columns.map((field) => (
          <DataTable.Col key={field.name} source={field.name} disableSort={!model.sortFields.includes(field.name)}>
            {renderField(field)}
          </DataTable.Col>
        ))}
      </DataTable>
    </List>
  );
};

export const SchemaShow = ({ model }: { model: ResourceModel }) => {
  const fields = displayOrder(
    model,
    model.fields.filter((field) => !isTechnicalField(field.name)),
  );
  return (
    <Show>
      <SimpleShowLayout>{fields.map(renderField)}</SimpleShowLayout>
    </Show>
  );
};

const EditToolbar = ({ canDelete }: { canDelete: boolean }) => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    {canDelete ? <DeleteButton mutationMode="pessimistic" /> : null}
  </Toolbar>
);

export const SchemaEdit = ({ model }: { model: ResourceModel }) => {
  const onSuccess = useSavedNotice(model.name, 'updated', model.getOne ? 'show' : 'list');
  return (
    // pessimistic: the API's validation errors must reach the form, so wait for the answer
    <Edit mutationMode="pessimistic" redirect={model.getOne ? 'show' : 'list'} mutationOptions={{ onSuccess }}>
      <SimpleForm toolbar={<EditToolbar canDelete={!!model.delete} />} noValidate>
        {presentElements(formOrder(model, model.update?.fields ?? []).map((field) => renderInput(field)))}
      </SimpleForm>
    </Edit>
  );
};

export const SchemaCreate = ({ model }: { model: ResourceModel }) => {
  const onSuccess = useSavedNotice(model.name, 'created', model.getOne ? 'show' : 'list');
  return (
    <Create redirect={model.getOne ? 'show' : 'list'} mutationOptions={{ onSuccess }}>
      <SimpleForm noValidate>{presentElements(formOrder(model, model.create?.fields ?? []).map((field) => renderInput(field)))}</SimpleForm>
    </Create>
  );
};
