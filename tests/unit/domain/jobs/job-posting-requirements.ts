// What Google's job search requires of a JobPosting (developers.google.com/search/docs/appearance/structured-data/job-posting),
// checked independently of the code that builds it, so a mistake in the builder cannot hide here.

const EMPLOYMENT_TYPES = [
  'FULL_TIME',
  'PART_TIME',
  'CONTRACTOR',
  'TEMPORARY',
  'INTERN',
  'VOLUNTEER',
  'PER_DIEM',
  'OTHER',
];

function text(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

function isoDate(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** The names of the required properties that are missing or malformed; empty when the posting is complete. */
export function jobPostingProblems(ld: unknown): string[] {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walks untyped JSON-LD
  const posting = (ld ?? {}) as Record<string, any>;
  const problems: string[] = [];
  if (posting['@context'] !== 'https://schema.org') problems.push('@context');
  if (posting['@type'] !== 'JobPosting') problems.push('@type');
  if (!text(posting.title)) problems.push('title');
  if (!text(posting.description)) problems.push('description');
  if (!isoDate(posting.datePosted)) problems.push('datePosted');
  if (!isoDate(posting.validThrough)) problems.push('validThrough');
  if (
    isoDate(posting.datePosted) &&
    isoDate(posting.validThrough) &&
    Date.parse(posting.validThrough) < Date.parse(posting.datePosted)
  ) {
    problems.push('validThrough before datePosted');
  }
  if (![posting.employmentType].flat().every((type) => EMPLOYMENT_TYPES.includes(type)))
    problems.push('employmentType');
  if (posting.hiringOrganization?.['@type'] !== 'Organization' || !text(posting.hiringOrganization?.name)) {
    problems.push('hiringOrganization');
  }
  const address = posting.jobLocation?.address;
  if (
    posting.jobLocation?.['@type'] !== 'Place' ||
    address?.['@type'] !== 'PostalAddress' ||
    !text(address?.addressLocality) ||
    !/^[A-Z]{2}$/.test(address?.addressCountry ?? '')
  ) {
    problems.push('jobLocation');
  }
  return problems;
}
