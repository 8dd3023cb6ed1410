import { graphql } from '../gql';
import type { SelectionOverrides } from '../providers/build-query';
import { selectionOf } from '../providers/selection';

/**
 * The complaint workflow's GraphQL: what the list and the complaint page select (one round
 * trip each); the step mutations behind the buttons of `availableActions` are in steps/.
 */

/** A row of the Klachten list: enough for the columns and the deadline badge; the description's start is its subject. */
export const COMPLAINT_ROW = graphql(`
  fragment ComplaintRow on Complaint {
    id
    reference
    kind
    status
    channel
    receivedAt
    nextDueAt
    version
    description
    complainant {
      id
      name
    }
    unit {
      id
      name
    }
    handler {
      id
      name
    }
    category {
      id
      name
    }
    nextDueKind
    nextDueWorkingDaysLate
  }
`);

/** The complaint page, and what every step mutation returns. */
export const COMPLAINT_RECORD = graphql(`
  fragment ComplaintRecord on Complaint {
    id
    reference
    kind
    status
    channel
    receivedAt
    nextDueAt
    version
    description
    subjectService
    subjectStaffIds
    availableActions
    createdAt
    updatedAt
    verdict
    cause
    solution
    offer
    preventiveMeasure
    assessedAt
    respondedAt
    responseSummary
    customerAgreed
    satisfaction
    outcomeRecordedAt
    closedAt
    archivedAt
    withdrawnAt
    objectionFiledAt
    hearingScheduledAt
    hearingHeldAt
    hearingWaivedAt
    pausedSince
    pauseLapsedAt
    pausedWorkingDays
    extendedAt
    extensionWeeks
    extensionReason
    resolvedByReceiver
    concernsMe
    legalHoldAt
    legalHoldReason
    legalHoldBy {
      id
      name
    }
    anonymisedAt
    retainUntil
    statusCodeIssuedAt
    hearingAcceptedAt
    surveyAnsweredAt
    reopenRequestedAt
    satisfactionSurvey {
      id
      answeredAt
      handlingScore
      outcomeScore
      comment
      reopenRequested
      reopenDecision
      reopenDecidedAt
      reopenDecisionNote
      reopenDecidedBy {
        id
        name
      }
    }
    policy {
      id
      key
      name
      referral
      receiverMayResolve
      closeWhenUnanswered
      extensionWeeks
      maxPause {
        amount
        unit
      }
    }
    unit {
      id
      name
    }
    category {
      id
      name
    }
    handler {
      id
      name
    }
    forwardedTo {
      id
      name
    }
    registeredBy {
      id
      name
    }
    subjects {
      id
      name
    }
    complainant {
      id
      name
      email
      phone
      postalAddress
      relation
      organisation
      onBehalfOf
    }
    deadlines(includeCancelled: true) {
      id
      kind
      dueDate
      dueAt
      status
      metAt
      late
      cancelledAt
      pausedAt
      explanation {
        amount
        unit
        startsAt
        startedAt
        nominalDate
        skipped {
          date
          reason
          name
        }
        adjustments {
          kind
          from
          to
          workingDays
          calendarDays
          hours
          weeks
          reason
          previousDueDate
          dueDate
          skipped {
            date
            reason
            name
          }
        }
        dueDate
      }
    }
    letters {
      id
      kind
      channel
      templateVersion
      subject
      recipient
      createdAt
      sentAt
      pdfPath
      delivery {
        id
        status
        attempts
        lastError
        sentAt
        smtpResponse
        waiting
      }
    }
    pauses {
      id
      requestedAt
      requestedBy {
        id
        name
      }
      channel
      question
      answerBy
      lapsesAt
      resumedAt
      endedBy
      answer
      pausedWorkingDays
    }
    statements {
      id
      text
      recordedAt
      staff {
        id
        name
      }
    }
    contactMoments {
      id
      kind
      channel
      contactedAt
      summary
      by {
        id
        name
      }
    }
    history {
      id
      type
      at
      fromStatus
      toStatus
      data
      actor {
        id
        name
      }
    }
    objection {
      id
      receivedAt
      channel
      grounds
      late
      lateAcceptanceReason
      lateAcceptedById
      director {
        id
        name
      }
      hearingWaivedAt
      waiverNote
      settledAt
      outcome
      reasoning
      furtherOptions
      decidedAt
      decidedBy {
        id
        name
      }
    }
    hearings {
      id
      status
      scheduledAt
      form
      location
      complainantAcceptedAt
      chair {
        id
        name
      }
      handlerAttends
      subjectEmployeeAttends
      complainantConsents
      employeeConsents
      rescheduledFromId
      rescheduleReason
      heldAt
      heldForm
      minutes
      proposal
      settlementTerms
      complainantAgreedAt
      organisationAgreedAt
      organisationAgreedBy {
        id
        name
      }
      settledAt
    }
    attachments {
      id
      fileName
      contentType
      sizeBytes
      sha256
      storageKey
      removedAt
      downloadPath
      createdAt
    }
    referrals {
      id
      referredAt
      referredBy {
        id
        name
      }
      party {
        id
        name
        kind
        binding
      }
      binding
      reason
      whatSent
      outcome
      outcomeDate
      outcomeRecordedAt
    }
  }
`);

/** A row of the Termijnen list: the deadline and the complaint it belongs to. */
export const DEADLINE_ROW = graphql(`
  fragment DeadlineRow on Deadline {
    id
    kind
    dueDate
    dueAt
    status
    metAt
    late
    workingDaysLate
    complaint {
      id
      reference
      status
      description
      complainant {
        id
        name
      }
      handler {
        id
        name
      }
      unit {
        id
        name
      }
    }
  }
`);

export const complaintSelections: SelectionOverrides = {
  Complaint: { list: selectionOf(COMPLAINT_ROW), record: selectionOf(COMPLAINT_RECORD) },
  Deadline: { list: selectionOf(DEADLINE_ROW) },
};
