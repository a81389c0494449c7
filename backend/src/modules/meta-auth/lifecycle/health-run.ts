/**
 * A fact one health contributor learns and a later one needs, e.g. how many lead forms are live (a silent webhook
 * is worth a warning only when there are forms to send leads). Named by the module that sets it.
 */
export class HealthFact<T> {
  constructor(readonly name: string) {}

  /** Only for the type: a fact is identified by its object. */
  declare readonly type?: T;
}

/** One run of the connection health check: its clock, and the facts its contributors share in order. */
export class HealthRun {
  private readonly facts = new Map<HealthFact<unknown>, unknown>();

  constructor(readonly now: Date) {}

  set<T>(fact: HealthFact<T>, value: T): void {
    this.facts.set(fact, value);
  }

  get<T>(fact: HealthFact<T>): T | undefined {
    return this.facts.get(fact) as T | undefined;
  }
}
