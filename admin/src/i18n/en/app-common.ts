import type { nlCommon } from '../nl/app-common';
import type { Translation } from '../translation';

/** The panel's own texts that every page shares, in English (the keys of nl/app-common.ts). */
export const enCommon: Translation<typeof nlCommon> = {
  common: {
    yes: 'Yes',
    no: 'No',
    by: 'by %{name}',
    loading: 'Loading',
    copy: 'Copy',
    copied: 'Copied',
    close: 'Close',
    download: 'Download',
    view: 'View',
    never: 'Never',
    late: 'late',
    retry: 'Try again',
    period: '%{from} – %{to}',
  },
  validation: {
    notInTheFuture: 'May not lie in the future',
    inTheFuture: 'Must lie in the future',
    afterToday: 'Choose a date after today',
    invalidDate: 'Not a valid date or time: type it as in the example, or pick it in the calendar',
    email: 'Not a valid e-mail address',
    contactRequired: 'Give an e-mail address, phone number or postal address',
  },
  menu: {
    groups: { work: 'Work', insight: 'Insight', admin: 'Administration' },
    notifications: 'Notifications',
    notificationsUnread: '%{label} (%{count})',
    bellUnread: 'Notifications: %{count} unread',
    outbox: 'Outgoing mail',
    templates: 'Letter templates',
    apiTokens: 'API tokens',
    jobs: 'Background jobs',
    myWork: 'My work',
    figures: 'Figures',
  },
  userMenu: {
    language: 'Language',
  },
  password: {
    menu: 'Change password',
    title: 'Change password',
    intro: 'You will then be signed out on your other devices; here you simply carry on.',
    current: 'Current password',
    new: 'New password',
    again: 'New password once more',
    rules: 'At least %{min} characters, and not your current password',
    submit: 'Change',
    sameAsCurrent: 'Choose a password other than the current one',
    mismatch: 'Not the same as the new password above',
    changed: 'Your password has been changed; other sessions have been signed out',
  },
  saved: {
    updated: '%{name} %{record} saved',
    created: '%{name} %{record} created',
    deleted: '%{name} deleted',
  },
  auth: {
    invalidCredentials: 'Wrong e-mail address or password, or the account is not active.',
  },
};
