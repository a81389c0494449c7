import type { NodeTypeSpec } from '../../core/graph-registry';
import type { World } from '../../world/world';
import type { ProductIssue } from './product-quality';
import { productsOf } from './catalog-state';
import { productIssues } from './product-quality';

/**
 * `GET /{catalog-id}/diagnostics`: the catalog's item problems grouped as Meta's `ProductCatalogDiagnosticGroup`
 * (type, severity MUST_FIX or OPPORTUNITY, affected entity, number of affected items, title, subtitle, diagnostics;
 * https://developers.facebook.com/docs/marketing-api/reference/product-catalog/diagnostics/). Computed from the items
 * as they are now, so fixing an item through items_batch clears its group.
 */
export interface DiagnosticGroup {
  type: string;
  severity: 'MUST_FIX' | 'OPPORTUNITY';
  title: string;
  subtitle: string;
  affectedItems: number;
  diagnostics: {
    error_type: string;
    title: string;
    description: string;
    number_of_affected_items: number;
    sample_retailer_ids: string[];
  }[];
}

/** Which diagnostic group an item error type falls in. */
const GROUP_OF: Record<string, { type: string; title: string; subtitle: string }> = {
  EMPTY_IMAGE_URL: {
    type: 'ATTRIBUTES_MISSING',
    title: 'Items are missing required information',
    subtitle: 'Add the missing attributes so the items can be shown in ads.',
  },
  EMPTY_DESCRIPTION: {
    type: 'ATTRIBUTES_MISSING',
    title: 'Items are missing required information',
    subtitle: 'Add the missing attributes so the items can be shown in ads.',
  },
  EMPTY_PRODUCT_URL: {
    type: 'ATTRIBUTES_MISSING',
    title: 'Items are missing required information',
    subtitle: 'Add the missing attributes so the items can be shown in ads.',
  },
  ITEM_PRICE_NOT_POSITIVE: {
    type: 'ATTRIBUTES_INVALID',
    title: 'Items have invalid information',
    subtitle: 'Correct the attributes so the items can be shown in ads.',
  },
  LOW_QUALITY_TITLE_AND_DESCRIPTION: {
    type: 'LOW_QUALITY_TITLE_AND_DESCRIPTION',
    title: 'Improve titles and descriptions',
    subtitle: 'Clear titles and descriptions may help items perform better.',
  },
  DUPLICATE_TITLE_AND_DESCRIPTION: {
    type: 'LOW_QUALITY_TITLE_AND_DESCRIPTION',
    title: 'Improve titles and descriptions',
    subtitle: 'Clear titles and descriptions may help items perform better.',
  },
};

const SAMPLE = 5;

export function catalogDiagnostics(world: World, catalogId: string): DiagnosticGroup[] {
  const groups = new Map<string, DiagnosticGroup & { items: Set<string>; byType: Map<string, { issue: ProductIssue; ids: string[] }> }>();
  for (const product of productsOf(world, catalogId)) {
    for (const issue of productIssues(product)) {
      const meta = GROUP_OF[issue.type] ?? { type: 'ATTRIBUTES_INVALID', title: 'Items have invalid information', subtitle: '' };
      let group = groups.get(meta.type);
      if (!group) {
        group = {
          type: meta.type,
          severity: 'OPPORTUNITY',
          title: meta.title,
          subtitle: meta.subtitle,
          affectedItems: 0,
          diagnostics: [],
          items: new Set(),
          byType: new Map(),
        };
        groups.set(meta.type, group);
      }
      if (issue.priority === 'HIGH' || meta.type === 'ATTRIBUTES_MISSING') group.severity = 'MUST_FIX';
      group.items.add(product.id);
      const entry = group.byType.get(issue.type) ?? { issue, ids: [] };
      entry.ids.push(product.retailerId);
      group.byType.set(issue.type, entry);
    }
  }
  return [...groups.values()].map((group) => ({
    type: group.type,
    severity: group.severity,
    title: group.title,
    subtitle: group.subtitle,
    affectedItems: group.items.size,
    diagnostics: [...group.byType.values()].map(({ issue, ids }) => ({
      error_type: issue.type,
      title: issue.title,
      description: issue.description,
      number_of_affected_items: ids.length,
      sample_retailer_ids: ids.slice(0, SAMPLE),
    })),
  }));
}

export const diagnosticGroupNode: NodeTypeSpec<DiagnosticGroup> = {
  type: 'ProductCatalogDiagnosticGroup',
  load: () => undefined,
  idOf: (group) => group.type,
  defaultFields: ['type', 'severity', 'title', 'subtitle', 'affected_entity', 'number_of_affected_items', 'diagnostics'],
  fields: {
    type: (g) => g.type,
    severity: (g) => g.severity,
    title: (g) => g.title,
    subtitle: (g) => g.subtitle,
    affected_entity: () => 'product_item',
    number_of_affected_items: (g) => g.affectedItems,
    diagnostics: (g) => g.diagnostics,
  },
};
