import type { nlWork } from '../nl/app-work';
import type { Translation } from '../translation';

/** My work, the unit's queue and the search in the app bar, in English (the keys of nl/app-work.ts). */
export const enWork: Translation<typeof nlWork> = {
  work: {
    loading: 'Loading my work',
    title: 'My work',
    queue: 'Queue',
    mine: 'What I have to do',
    mineEmpty: 'Nothing you have to do now.',
    team: 'Owed by others in my units',
    organisation: 'Owed by others in the organisation',
    teamEmpty: 'Nobody else has anything open here.',
    queueEmpty: 'No complaints waiting for a handler.',
    assignTo: 'Assign to',
    pickedUp: 'Complaint %{reference} picked up',
    assigned: '%{smart_count} complaint assigned |||| %{smart_count} complaints assigned',
    select: 'Select %{reference}',
    pickUp: 'Pick up',
    assignSelected: 'Assign the selected complaint |||| Assign the %{smart_count} selected complaints',
    ownedBy: 'with %{name}',
    open: 'Open',
    firstOf: 'The first %{shown} of %{total}',
  },
  search: {
    noSuchReference: 'No complaint with reference %{reference}',
    placeholder: 'Search complaint',
    label: 'Search complaints by reference, name or text',
    nothing: 'Nothing found',
    searching: 'Searching…',
    results: '%{smart_count} complaint found |||| %{smart_count} complaints found',
  },
};
