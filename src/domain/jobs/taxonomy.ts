// The fixed vocabularies a role is described with. Fixed lists keep the filters on /jobs/ short and
// every filtered URL predictable; a feed entry with a value outside these lists is rejected.

/** Where a role is based: the four markets most readers work in. */
export const LOCATIONS = [
  { label: 'Singapore', slug: 'singapore', locality: 'Singapore', country: 'SG' },
  { label: 'Hong Kong', slug: 'hong-kong', locality: 'Hong Kong', country: 'HK' },
  { label: 'London', slug: 'london', locality: 'London', region: 'England', country: 'GB' },
  { label: 'New York', slug: 'new-york', locality: 'New York', region: 'NY', country: 'US' },
] as const satisfies readonly { label: string; slug: string; locality: string; region?: string; country: string }[];

/** The business area a role sits in, as finance job boards usually group them. */
export const FUNCTIONS = [
  { label: 'Investment banking', slug: 'investment-banking' },
  { label: 'Sales and trading', slug: 'sales-and-trading' },
  { label: 'Research', slug: 'research' },
  { label: 'Asset management', slug: 'asset-management' },
  { label: 'Wealth management', slug: 'wealth-management' },
  { label: 'Risk', slug: 'risk' },
  { label: 'Compliance', slug: 'compliance' },
  { label: 'Operations', slug: 'operations' },
  { label: 'Technology', slug: 'technology' },
] as const satisfies readonly { label: string; slug: string }[];

/** Seniority in the title ladder most banks and funds share, from entry level up. */
export const SENIORITIES = [
  'Graduate',
  'Analyst',
  'Associate',
  'Vice President',
  'Director',
  'Managing Director',
] as const;

/** Contract types, each with the schema.org JobPosting employmentType search engines understand. */
export const EMPLOYMENT_TYPES = [
  { label: 'Full-time', schemaOrg: 'FULL_TIME' },
  { label: 'Part-time', schemaOrg: 'PART_TIME' },
  { label: 'Contract', schemaOrg: 'CONTRACTOR' },
  { label: 'Temporary', schemaOrg: 'TEMPORARY' },
  { label: 'Internship', schemaOrg: 'INTERN' },
] as const;

export type Location = (typeof LOCATIONS)[number];
export type LocationLabel = Location['label'];
export type LocationSlug = Location['slug'];
export type JobFunction = (typeof FUNCTIONS)[number];
export type FunctionLabel = JobFunction['label'];
export type FunctionSlug = JobFunction['slug'];
export type Seniority = (typeof SENIORITIES)[number];
export type EmploymentTypeLabel = (typeof EMPLOYMENT_TYPES)[number]['label'];

export const locationLabels = LOCATIONS.map((l) => l.label) as [LocationLabel, ...LocationLabel[]];
export const functionLabels = FUNCTIONS.map((f) => f.label) as [FunctionLabel, ...FunctionLabel[]];
export const employmentTypeLabels = EMPLOYMENT_TYPES.map((t) => t.label) as [
  EmploymentTypeLabel,
  ...EmploymentTypeLabel[],
];

export function locationByLabel(label: LocationLabel): Location {
  return LOCATIONS.find((l) => l.label === label)!;
}

/** The slug of a function label (URLs, stored job alerts). */
export function functionSlugOf(label: FunctionLabel): FunctionSlug {
  return FUNCTIONS.find((f) => f.label === label)!.slug;
}

export function schemaOrgEmploymentType(label: EmploymentTypeLabel): string {
  return EMPLOYMENT_TYPES.find((t) => t.label === label)!.schemaOrg;
}
