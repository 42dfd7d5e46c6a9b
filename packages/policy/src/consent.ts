/** What the consent screen shows for a set of scopes, grouped the way a person reads it. */
import { PRODUCT_DISPLAY_NAMES, PRODUCTS, type Product } from './products.js';
import { getScope, type ScopeDefinition, type ScopeId, sortScopes } from './scopes.js';

/** One line of the consent screen. */
export interface ConsentItem {
  scope: ScopeId;
  /** Plain-language sentence, e.g. "See your Jira projects and issues". */
  sentence: string;
  /** True for scopes that let the client change data. */
  isWrite: boolean;
  /** Show with emphasis (the client may change data in the user's name). */
  highImpact: boolean;
}

/** The lines about one product, under its display name. */
export interface ConsentGroup {
  product: Product;
  productName: string;
  items: ConsentItem[];
}

/** Everything the consent screen needs to describe a request's scopes. */
export interface ConsentDescription {
  /** Products in catalogue order, each with its scopes in catalogue order; no empty groups. */
  groups: ConsentGroup[];
  /** True when any item is high impact, e.g. to word the heading more carefully. */
  hasHighImpact: boolean;
  /** Scopes the catalogue does not know, each once, in the order given. */
  unknownScopes: string[];
}

/**
 * Groups `scopes` by product for the consent screen. `offline_access` appears under "Your
 * account" with the sentence "Stay connected when you are not using the app". Never throws.
 */
export function describeConsent(scopes: Iterable<string>): ConsentDescription {
  const unique = [...new Set(scopes)];
  const known = sortScopes(unique.filter((s): s is ScopeId => getScope(s) !== undefined));
  const definitions = known.flatMap((id) => getScope(id) ?? []);
  const groups = PRODUCTS.flatMap((product) => {
    const items = definitions.filter((d) => d.product === product).map(toConsentItem);
    if (items.length === 0) return [];
    return [{ product, productName: PRODUCT_DISPLAY_NAMES[product], items }];
  });
  return {
    groups,
    hasHighImpact: definitions.some((d) => d.highImpact),
    unknownScopes: unique.filter((s) => getScope(s) === undefined),
  };
}

function toConsentItem(scope: ScopeDefinition): ConsentItem {
  return {
    scope: scope.id,
    sentence: scope.consentSentence,
    isWrite: scope.kind === 'resource' && scope.group === 'write',
    highImpact: scope.highImpact,
  };
}
