import { Injectable } from '@nestjs/common';
import { duplicateSignalLabel, LeadDuplicateLinkDto, LeadDuplicatesDto } from '@legeai/contracts';
import { EntityManager } from 'typeorm';
import type { Lead } from './entities/lead.entity';

/** The drawer lists this many of an original's duplicates; the total says how many there are. */
export const MAX_LISTED_DUPLICATES = 100;

interface LinkRow {
  id: string;
  fullName: string | null;
  firstName: string | null;
  lastName: string | null;
  receivedAt: Date;
  duplicateRule: string | null;
  possibleDuplicate: boolean;
  total: number;
}

const LINK_COLUMNS = `l.id, l.full_name AS "fullName", l.first_name AS "firstName", l.last_name AS "lastName",
  l.received_at AS "receivedAt", l.duplicate_rule AS "duplicateRule", l.possible_duplicate AS "possibleDuplicate"`;

/**
 * Both sides of a lead's duplicate links: the original it is linked to (with the state and signal of its own link)
 * and the leads linked to it (each with the state and signal of theirs). Reads `ix_leads_duplicate_of`.
 */
@Injectable()
export class LeadDuplicateLinksReader {
  async read(
    m: EntityManager,
    organisationId: string,
    lead: Pick<Lead, 'id' | 'duplicateOfId' | 'duplicateRule' | 'possibleDuplicate'>,
  ): Promise<LeadDuplicatesDto> {
    const linked = (await m.query(
      `SELECT ${LINK_COLUMNS}, count(*) OVER ()::int AS total FROM leads l
        WHERE l.organisation_id = $1 AND l.duplicate_of_id = $2
        ORDER BY l.received_at, l.created_at, l.id LIMIT ${MAX_LISTED_DUPLICATES}`,
      [organisationId, lead.id],
    )) as LinkRow[];
    let duplicateOf: LeadDuplicateLinkDto | null = null;
    if (lead.duplicateOfId) {
      const [original] = (await m.query(`SELECT ${LINK_COLUMNS} FROM leads l WHERE l.organisation_id = $1 AND l.id = $2`, [
        organisationId,
        lead.duplicateOfId,
      ])) as LinkRow[];
      // The link's state and signal are the duplicate's own: they say why this lead was linked to that one.
      if (original) duplicateOf = toLink({ ...original, duplicateRule: lead.duplicateRule, possibleDuplicate: lead.possibleDuplicate });
    }
    return { duplicateOf, duplicates: linked.map(toLink), duplicatesTotal: linked[0]?.total ?? 0 };
  }
}

function toLink(row: Omit<LinkRow, 'total'>): LeadDuplicateLinkDto {
  return {
    id: row.id,
    fullName: row.fullName ?? ([row.firstName, row.lastName].filter(Boolean).join(' ') || null),
    receivedAt: row.receivedAt.toISOString(),
    state: row.possibleDuplicate ? 'possible' : 'duplicate',
    rule: row.duplicateRule,
    ruleLabel: duplicateSignalLabel(row.duplicateRule),
  };
}
