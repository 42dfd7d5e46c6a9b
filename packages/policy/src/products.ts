/**
 * Products, permission groups and auth methods: the vocabulary every other module of this
 * package speaks. Scopes, tools and the admin switches in org settings are all keyed by a
 * product and a permission group from here.
 */

/** Every product, in the order consent screens and admin consoles show them. */
export const PRODUCTS = ['platform', 'jira', 'confluence', 'jsm', 'bitbucket', 'compass'] as const;

/** A product of the work-tool suite; `platform` covers the account and cross-product tools. */
export type Product = (typeof PRODUCTS)[number];

/** Every permission group. An admin switches each (product, group) pair on or off. */
export const PERMISSION_GROUPS = ['read', 'write', 'search'] as const;

/** What a scope or tool does to a product's data: look at it, change it, or search it. */
export type PermissionGroup = (typeof PERMISSION_GROUPS)[number];

/**
 * The permission groups each product has: exactly the (product, group) pairs that some scope or
 * tool uses, and so exactly the switches `OrgSettings.permissionGroups` holds.
 */
export const PRODUCT_PERMISSION_GROUPS = {
  platform: ['read', 'search'],
  jira: ['read', 'write', 'search'],
  confluence: ['read', 'write', 'search'],
  jsm: ['read', 'write'],
  bitbucket: ['read', 'write'],
  compass: ['read'],
} as const satisfies Record<Product, readonly PermissionGroup[]>;

/** The permission groups product `P` has. */
export type ProductPermissionGroup<P extends Product> =
  (typeof PRODUCT_PERMISSION_GROUPS)[P][number];

/** Names shown to people (consent screen, admin console). */
export const PRODUCT_DISPLAY_NAMES: Readonly<Record<Product, string>> = {
  platform: 'Your account',
  jira: 'Jira',
  confluence: 'Confluence',
  jsm: 'Jira Service Management',
  bitbucket: 'Bitbucket',
  compass: 'Compass',
};

/** How a credential was obtained: the OAuth flow, or an API token from the account page. */
export const AUTH_METHODS = ['oauth', 'api_token'] as const;

/** The `auth_method` the authorization server reports in introspection responses. */
export type AuthMethod = (typeof AUTH_METHODS)[number];

/** True when `product` has a switch for `group` (e.g. compass has no `write`). */
export function productHasGroup(product: Product, group: PermissionGroup): boolean {
  return (PRODUCT_PERMISSION_GROUPS[product] as readonly PermissionGroup[]).includes(group);
}
