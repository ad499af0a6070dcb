import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { descriptionParagraphs, jobPostingJsonLd } from '../../../../src/domain/jobs/job-posting';
import { jobSchema, type Job } from '../../../../src/domain/jobs/schema';
import { feedRole } from '../../data/jobs/feed-server';
import { jobPostingProblems } from './job-posting-requirements';

const dir = new URL('../../../../content/jobs/', import.meta.url);
const samples = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => [name, jobSchema.parse(JSON.parse(readFileSync(new URL(name, dir), 'utf8')))] as const);

const role: Job = jobSchema.parse(feedRole());

describe('jobPostingJsonLd', () => {
  it.each(samples)('%s carries every field search engines require', (name, job) => {
    expect(jobPostingProblems(jobPostingJsonLd(job, `https://site.example/jobs/${name}/`))).toEqual([]);
  });

  it('describes the role as the page shows it', () => {
    const ld = jobPostingJsonLd(
      { ...role, location: 'New York', employmentType: 'Internship' },
      'https://site.example/jobs/x/',
    );
    expect(ld).toMatchObject({
      title: 'Operational Risk Analyst',
      datePosted: '2026-11-20',
      validThrough: '2027-02-01T23:59:59Z',
      employmentType: 'INTERN',
      hiringOrganization: { '@type': 'Organization', name: 'Example Feed Employer' },
      jobLocation: { address: { addressLocality: 'New York', addressRegion: 'NY', addressCountry: 'US' } },
      url: 'https://site.example/jobs/x/',
    });
    expect(jobPostingJsonLd({ ...role, location: 'Hong Kong' }, 'https://site.example/').jobLocation.address).toEqual({
      '@type': 'PostalAddress',
      addressLocality: 'Hong Kong',
      addressCountry: 'HK',
    });
  });

  it('gives the description as HTML paragraphs with markup from the text escaped', () => {
    const ld = jobPostingJsonLd(
      { ...role, description: 'First <b>bold</b> & more.\n\n  Second\nline.  ' },
      'https://site.example/',
    );
    expect(ld.description).toBe('<p>First &lt;b&gt;bold&lt;/b&gt; &amp; more.</p><p>Second line.</p>');
  });

  it('still validates when the checker is given a broken posting', () => {
    const { hiringOrganization: _h, ...withoutEmployer } = jobPostingJsonLd(role, 'https://site.example/');
    expect(jobPostingProblems({ ...withoutEmployer, validThrough: 'next month' })).toEqual([
      'validThrough',
      'hiringOrganization',
    ]);
  });
});

describe('descriptionParagraphs', () => {
  it('splits on blank lines and joins wrapped lines', () => {
    expect(descriptionParagraphs('One\ntwo.\n\n\nThree.\n')).toEqual(['One two.', 'Three.']);
  });
});
