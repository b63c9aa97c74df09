import { describe, expect, it } from 'vitest';
import { PRINT_SCHEME, PrintJobs } from '../../electron/shell/print-jobs';

const pdf = Buffer.from('%PDF-1.7\n% a receipt\n');

describe('the print window\'s protocol', () => {
  it('serves a PDF under its unguessable name while its job lasts, and never after', async () => {
    const jobs = new PrintJobs();
    const job = jobs.open(pdf);
    expect(job.url).toMatch(new RegExp(`^${PRINT_SCHEME}://job/[0-9a-f]{32}\\.pdf$`));
    const served = await jobs.handle(new Request(job.url));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(pdf);
    job.close();
    expect(jobs.handle(new Request(job.url)).status).toBe(404);
  });

  it('answers nothing for another name, host or scheme, nor for a method other than GET or HEAD', () => {
    const jobs = new PrintJobs();
    const job = jobs.open(pdf);
    const name = job.url.slice(job.url.lastIndexOf('/') + 1);
    expect(jobs.handle(new Request(`${PRINT_SCHEME}://job/${'0'.repeat(32)}.pdf`)).status).toBe(404);
    expect(jobs.handle(new Request(`${PRINT_SCHEME}://other/${name}`)).status).toBe(404);
    expect(jobs.handle(new Request(`https://job/${name}`)).status).toBe(404);
    expect(jobs.handle(new Request(job.url, { method: 'POST', body: 'x' })).status).toBe(405);
    expect(jobs.handle(new Request(job.url, { method: 'HEAD' })).status).toBe(200);
  });
});
