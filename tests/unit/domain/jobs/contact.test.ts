import { describe, expect, it } from 'vitest';
import { recruiterContactEmail } from '../../../../src/domain/jobs/contact';

describe('recruiterContactEmail', () => {
  it.each([
    ['https://www.followthrough.example/', undefined, 'jobs@followthrough.example'],
    ['https://careers.followthrough.example/base/', '', 'jobs@careers.followthrough.example'],
    ['http://localhost:4321', undefined, 'jobs@localhost'],
    ['https://followthrough.example/', '  hiring@partner.example ', 'hiring@partner.example'],
  ])('site %s with JOBS_CONTACT_EMAIL=%o writes to %s', (site, configured, address) => {
    expect(recruiterContactEmail(site, configured)).toBe(address);
  });

  it('stops the build on a configured address that is not an email address', () => {
    expect(() => recruiterContactEmail('https://followthrough.example/', 'jobs at example')).toThrow(
      'JOBS_CONTACT_EMAIL "jobs at example" is not an email address',
    );
  });
});
