import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ComplaintStatus } from '../complaint/complaint.enums';
import { PageOf } from '../shared/pagination';
import { KeepReason } from './privacy.enums';
import { PrivacyRequest } from './privacy-request.entity';
import { RetentionLedgerEntry } from './retention-ledger.entity';

@ObjectType({ description: "One of the complainant's dossiers in a request: what removal would take, and what keeps it now." })
export class DossierPreview {
  @Field(() => ID)
  complaintId: string;

  @Field()
  reference: string;

  @Field(() => ComplaintStatus)
  status: ComplaintStatus;

  @Field(() => Date)
  receivedAt: Date;

  @Field(() => Date, { nullable: true })
  anonymisedAt: Date | null;

  @Field(() => [KeepReason], { description: 'Empty: an erasure removes its personal data; else why it must be kept for now.' })
  keep: KeepReason[];

  @Field(() => Int)
  letters: number;

  @Field(() => Int, { description: 'Files still kept.' })
  attachments: number;

  @Field(() => Int)
  contactMoments: number;

  @Field(() => Int, { description: 'History events (they stay, their personal parts redacted).' })
  events: number;
}

@ObjectType()
export class PrivacyRequestPage extends PageOf(PrivacyRequest) {}

@ObjectType()
export class LedgerPage extends PageOf(RetentionLedgerEntry) {}

@ObjectType({ description: 'An erasure carried out: the request and each dossier as it was decided.' })
export class ErasureResult {
  @Field(() => PrivacyRequest)
  request: PrivacyRequest;

  @Field(() => [DossierPreview], { description: 'Each dossier; those with keep reasons were kept.' })
  dossiers: DossierPreview[];
}
