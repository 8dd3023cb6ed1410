import type { ReactNode } from 'react';
import { Layout, Menu, useResourceDefinitions } from 'react-admin';

/**
 * The menu order: the complaint workflow first, then the generic resources (staff, units,
 * categories, policies, closing days), then whatever else the schema adds.
 */
export const MENU_ORDER = ['Complaint', 'Deadline', 'Staff', 'Unit', 'Category', 'Policy', 'CalendarDay'];

const rank = (name: string) => {
    const index = MENU_ORDER.indexOf(name);
    return index === -1 ? MENU_ORDER.length : index;
};

export const AppMenu = () => {
    const resources = useResourceDefinitions();
    const names = Object.values(resources)
        .filter(resource => resource.hasList)
        .map(resource => resource.name)
        .map((name, index) => ({ name, index }))
        .sort((left, right) => rank(left.name) - rank(right.name) || left.index - right.index)
        .map(({ name }) => name);
    return (
        <Menu>
            {names.map(name => (
                <Menu.ResourceItem key={name} name={name} />
            ))}
        </Menu>
    );
};

export const AppLayout = ({ children }: { children: ReactNode }) => <Layout menu={AppMenu}>{children}</Layout>;
