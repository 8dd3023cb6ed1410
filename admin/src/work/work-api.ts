import { graphql } from '../gql';

/** "Mijn werk": what the reader owes, their oversight, and the queue; one request. */
export const MY_WORK = graphql(`
  query MyWork($first: Int!) {
    myWork(first: $first) {
      mine {
        total
        items {
          ...WorkRow
        }
      }
      counts {
        overdue
        today
        laterThisWeek
      }
      team {
        total
        items {
          ...WorkRow
          owner {
            id
            name
          }
        }
      }
      unassigned {
        total
        items {
          id
          reference
          version
          status
          nextDueAt
          nextDueKind
          nextDueWorkingDaysLate
          complainant {
            id
            name
          }
          unit {
            id
            name
          }
          availableActions
        }
      }
    }
  }
`);

export const WORK_ROW = graphql(`
  fragment WorkRow on WorkItem {
    id
    kind
    dueAt
    dueDate
    workingDaysLate
    complaintId
    reference
    complaintStatus
    complainantName
    subject
    action
  }
`);

export const PICK_UP = graphql(`
  mutation PickUpComplaint($id: ID!, $version: Int!) {
    pickUpComplaint(id: $id, version: $version) {
      id
      reference
    }
  }
`);

export const ASSIGN_MANY = graphql(`
  mutation AssignHandlers($ids: [ID!]!, $handlerId: ID!) {
    assignHandlers(ids: $ids, handlerId: $handlerId) {
      assigned {
        id
        reference
      }
      refused {
        id
        code
        message
      }
    }
  }
`);
