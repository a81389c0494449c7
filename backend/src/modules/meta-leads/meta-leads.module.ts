import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MetaLeadForm } from '../meta-assets/entities/meta-lead-form.entity';
import { MetaLeadMapping } from '../leads/entities/meta-lead-mapping.entity';

/** Lead forms and the mapping of Meta leads to LEGEAI leads. */
@Module({
  imports: [TypeOrmModule.forFeature([MetaLeadForm, MetaLeadMapping])],
  exports: [TypeOrmModule],
})
export class MetaLeadsModule {}
