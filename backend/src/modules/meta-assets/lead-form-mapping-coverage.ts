import { Injectable } from '@nestjs/common';
import type { MetaLeadForm } from './entities/meta-lead-form.entity';

/** Counts a form's questions that neither its mapping nor the standard defaults cover. */
export type UnmappedQuestionCounter = (form: Pick<MetaLeadForm, 'questions' | 'mapping'>) => number;

/**
 * How much of a lead form its mapping covers, for the forms list (`unmappedQuestions`). What a mapping means is lead
 * capture's business (meta-leads/mapping, which also serves the mapping editor), so the list and the editor always
 * count alike; lead capture provides the counter when it initialises, and ad assets never import it.
 */
@Injectable()
export class LeadFormMappingCoverage {
  private counter?: UnmappedQuestionCounter;

  provide(counter: UnmappedQuestionCounter): void {
    if (this.counter) throw new Error('The unmapped-question counter of lead forms is provided twice');
    this.counter = counter;
  }

  unmappedQuestions(form: Pick<MetaLeadForm, 'questions' | 'mapping'>): number {
    if (!this.counter) throw new Error('No module provides the unmapped-question counter of lead forms (lead capture is not loaded)');
    return this.counter(form);
  }
}
