import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { Staff } from '../staff/staff.entity';

/** The employee concerned's side of the story (hoor en wederhoor): part of the dossier, never edited. */
@ObjectType({ description: "An employee's side of the story about a complaint that names them; part of the dossier and the hearing's preparation." })
@Entity('employee_statement')
@Index('employee_statement_complaint_idx', ['complaintId', 'recordedAt'])
export class EmployeeStatement {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'employee_statement_complaint_fk' })
  complaint?: Complaint;

  @Field(() => ID)
  @Column({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'staff_id', foreignKeyConstraintName: 'employee_statement_staff_fk' })
  staff?: Staff;

  @Field()
  @Column({ type: 'text' })
  text: string;

  @Field(() => Date)
  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
