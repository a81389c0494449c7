import { Injectable, OnModuleInit } from '@nestjs/common';
import { LeadFormMappingCoverage } from '../../meta-assets';
import { unmappedQuestionsOf } from './unmapped-questions';

/** Gives the lead forms list (ad assets) this module's count of unmapped questions, the one the mapping editor shows. */
@Injectable()
export class MappingCoverageProvider implements OnModuleInit {
  constructor(private readonly coverage: LeadFormMappingCoverage) {}

  onModuleInit(): void {
    this.coverage.provide((form) => unmappedQuestionsOf(form).length);
  }
}
