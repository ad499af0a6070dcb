// JSON-LD JobPosting for a role's page: the fields Google's job search requires (title, description,
// datePosted, validThrough, employmentType, hiringOrganization, jobLocation) and nothing invented.
import type { Job } from './schema';
import { locationByLabel, schemaOrgEmploymentType } from './taxonomy';

/** The description's paragraphs: a blank line in the text starts a new one. */
export function descriptionParagraphs(description: string): string[] {
  return description
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph.length > 0);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`);
}

export function jobPostingJsonLd(job: Job, pageUrl: string) {
  const place = locationByLabel(job.location);
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: job.title,
    // Google reads the description as HTML; escaping keeps text from a feed from becoming markup.
    description: descriptionParagraphs(job.description)
      .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
      .join(''),
    datePosted: job.postedDate,
    // The role is listed through its closing day (UTC), so it is valid until that day's last second.
    validThrough: `${job.closingDate}T23:59:59Z`,
    employmentType: schemaOrgEmploymentType(job.employmentType),
    hiringOrganization: { '@type': 'Organization', name: job.employer },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        addressLocality: place.locality,
        ...('region' in place ? { addressRegion: place.region } : {}),
        addressCountry: place.country,
      },
    },
    directApply: false,
    url: pageUrl,
  };
}
