/**
 * An authority signs in like the staff (the local OpenID Connect provider, a staff account with the
 * role `authority`): they land on the observatory page, read it with their session alone, and the
 * advisor API refuses them.
 */
import { createStaffDirectory } from '../../src/advisors/staffDirectory';
import { SIGN_IN_NOW, StaffBrowser, startSignInApp, type SignInHarness } from '../support/signIn';

let harness: SignInHarness;
beforeAll(async () => {
  harness = await startSignInApp('observatory-sign-in');
});
afterAll(() => harness.close());

describe('an authority signing in', () => {
  it('When a person whose staff account has the role authority for 44 signs in, then they land on /observatoire of 44, and the advisor API answers 403', async () => {
    const directory = createStaffDirectory(harness.redis.store, harness.redis.keys);
    await directory.update('sans.compte@360.test', () => ({
      next: { email: 'sans.compte@360.test', role: 'authority', territories: ['44'], createdAt: SIGN_IN_NOW, createdBy: 'test', updatedAt: SIGN_IN_NOW, updatedBy: 'test' },
      result: undefined,
    }));
    const person = new StaffBrowser(harness.app.httpBase);
    const landed = await person.signIn('noAccount');
    expect(new URL(landed.url).pathname).toBe('/observatoire');
    expect(landed.status).toBe(200);
    expect(landed.text).toContain('<h1>Observatoire du 360 : 44 Loire-Atlantique</h1>');
    expect((await person.call('GET', '/api/observatory/44')).status).toBe(200);
    expect((await person.call('GET', '/api/observatory/35')).status).toBe(403);
    expect((await person.call('GET', '/api/advisor/me')).status).toBe(403);
    expect((await person.call('GET', '/api/advisor/tickets')).status).toBe(403);
  });
});
