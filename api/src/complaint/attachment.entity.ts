import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { PERSONAL_DATA_ROLES } from '../shared/roles';
import { Staff } from '../staff/staff.entity';
import { Complaint } from './complaint.entity';
import { LENGTH } from '../shared/lengths';

@ObjectType({ description: "An attachment's metadata (the file itself lives in the document store)." })
@Entity('attachment')
@Index('attachment_complaint_idx', ['complaintId'])
@Index('attachment_file_key', ['fileKey'], { unique: true })
export class Attachment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'attachment_complaint_fk' })
  complaint?: Complaint;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field()
  @Column({ name: 'file_name', type: 'varchar', length: LENGTH.fileName })
  fileName: string;

  @Field()
  @Column({ name: 'content_type', type: 'varchar', length: LENGTH.contentType })
  contentType: string;

  @Field(() => Int)
  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, {
    nullable: true,
    description: 'Where a document recorded by its metadata only is kept (a paper file, the DMS); never opened by the system.',
  })
  @Column({ name: 'storage_key', type: 'varchar', length: LENGTH.storageKey, nullable: true })
  storageKey: string | null;

  /** The uploaded file's key in the file store (never the free-text storageKey above); null: metadata only, or removed. */
  @Column({ name: 'file_key', type: 'varchar', length: LENGTH.storageKey, nullable: true })
  fileKey: string | null;

  @Field(() => String, { nullable: true, description: "SHA-256 of the stored file's content (hex); null for metadata recorded before uploads, or removed." })
  @Column({ type: 'varchar', length: 64, nullable: true })
  sha256: string | null;

  @Field(() => Date, { nullable: true, description: 'When the file was removed (retention or erasure): the record stays, without name or content.' })
  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'added_by_id', type: 'uuid', nullable: true })
  addedById: string | null;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'added_by_id', foreignKeyConstraintName: 'attachment_added_by_fk' })
  addedBy?: Staff;

  @Field(() => String, { nullable: true, description: 'GET it with the bearer token to download the file (null: metadata only, or removed).' })
  get downloadPath(): string | null {
    return this.fileKey ? `/attachments/${this.id}` : null;
  }

  @Field(() => Date)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
