import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Staff } from '../staff/staff.entity';
import { NotificationKind } from './notification.entity';

/** Which notifications reach a member of staff by e-mail (once the outbox sends mail); all of them are kept in the panel. */
@ObjectType({ description: 'Which notifications reach you by e-mail; all of them are listed in the panel.' })
@Entity('notification_settings')
export class NotificationSettings {
  @PrimaryColumn({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @OneToOne(() => Staff, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id', foreignKeyConstraintName: 'notification_settings_staff_fk' })
  staff?: Staff;

  @Field(() => [NotificationKind], { description: 'The kinds sent by e-mail as they happen.' })
  @Column({ name: 'mail_kinds', type: 'varchar', array: true, default: () => "'{}'" })
  mailKinds: NotificationKind[];

  @Field({ description: 'true: no single mails; the daily digest (working days) says it all.' })
  @Column({ name: 'digest_instead_of_mail', type: 'boolean', default: false })
  digestInsteadOfMail: boolean;
}

/** Until someone chooses: the digest, and single mails for what needs acting on now. */
export const DEFAULT_MAIL_KINDS: readonly NotificationKind[] = [
  NotificationKind.ASSIGNED,
  NotificationKind.FORWARDED,
  NotificationKind.BREACHED,
  NotificationKind.ESCALATED,
  NotificationKind.OBJECTION_FILED,
  NotificationKind.HEARING_TOMORROW,
  NotificationKind.DIGEST,
  NotificationKind.INFORMATION_RECEIVED,
  NotificationKind.HEARING_ANSWERED,
  NotificationKind.REOPEN_REQUESTED,
  // the employee concerned gets their copy of the complaint (Awb 9:9) by mail too
  NotificationKind.SUBJECT_OF_COMPLAINT,
];
