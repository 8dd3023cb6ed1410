import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last reference number handed out per year; incremented under a row lock, so no gaps, no duplicates. */
@Entity('complaint_reference_counter')
export class ReferenceCounter {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ name: 'last_number', type: 'int' })
  lastNumber: number;
}
