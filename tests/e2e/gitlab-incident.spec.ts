import { test, expect } from './fixtures.ts';
import { TICKET, expectNothingChanged, expectTicketLoggedIn, openTicket } from './gitlab-helpers.ts';

test.use({ gitlabToken: 'valid' });

test('unclear cause (the default): an incident with the severity GitLab took on create, the note and the stage move', async ({ context, sandbox }) => {
  const page = await context.newPage();
  const { wizard, linked } = await openTicket(page, sandbox);
  await expect(wizard.getByRole('group', { name: 'Is the cause a new bug, a known bug, or unclear?' })).toBeVisible();
  await expect(wizard.getByRole('radio', { name: 'Unclear' })).toBeChecked();
  await expect(linked).toContainText('No GitLab issue recorded on this ticket.');

  // The draft: title from the ticket, Markdown description with the backlink and facts, confidential.
  await expect(wizard.getByLabel('Title')).toHaveValue('Booking calendar shows the car as available during its maintenance');
  const description = wizard.getByLabel('Description (Markdown)');
  await expect(description).toHaveValue(/\*\*Member \/ partner:\*\* .+/);
  await expect(description).toHaveValue(/- +Maintenance: Tuesday 09:00 – 17:00/);
  await expect(wizard.getByLabel('Confidential (customer data)')).toBeChecked();
  await wizard.getByLabel('Labels (comma-separated)').fill('incident, support, calendar');

  await wizard.getByRole('radio', { name: 'High – S2' }).check();
  await wizard.getByRole('button', { name: 'Create the incident in GitLab' }).click();

  await expect(wizard.getByRole('status')).toContainText('Done: logged in GitLab');
  await expect(wizard.getByTestId('gitlab-severity')).toContainText('Severity in GitLab: High – S2');
  const [incident] = sandbox.gitlab.issues('tmf/incidents');
  expect(incident).toMatchObject({ iid: 1, issueType: 'incident', severity: 'HIGH', confidential: true, labels: ['incident', 'support', 'calendar'] });
  expect(incident?.description).toContain(`](${sandbox.odoo.ticketUrl(TICKET, 'path')})`);
  expect(incident?.description).not.toMatch(/<p>|<ul>|<li>/);
  expect(sandbox.gitlab.requests().filter((r) => r.path === '/api/graphql')).toHaveLength(0); // REST took the severity
  expect(sandbox.gitlab.requests().every((r) => r.token === sandbox.gitlab.tokens.valid)).toBe(true);
  await expectTicketLoggedIn(sandbox, `${sandbox.gitlab.url}/tmf/incidents/-/issues/1`);
  await expect(linked.getByRole('list', { name: 'Linked GitLab issues' })).toContainText('tmf/incidents#1');
});

test('new bug: a bug report in the bugs project only, no incident', async ({ context, sandbox }) => {
  const page = await context.newPage();
  const { wizard } = await openTicket(page, sandbox);
  await wizard.getByRole('radio', { name: 'New bug' }).check();
  await expect(wizard.getByTestId('cause-explanation')).toContainText('create a bug report in GitLab only');
  await expect(wizard.getByRole('group', { name: 'Severity' })).toHaveCount(0);
  await wizard.getByRole('button', { name: 'Create the bug report in GitLab' }).click();
  await expect(wizard.getByRole('status')).toContainText('Done');
  expect(sandbox.gitlab.issues('tmf/incidents')).toHaveLength(0);
  const bugs = sandbox.gitlab.issues('tmf/bugs');
  expect(bugs).toHaveLength(5);
  expect(bugs[4]).toMatchObject({ iid: 5, issueType: 'issue', labels: ['bug', 'support'], confidential: true, severity: 'UNKNOWN' });
  await expectTicketLoggedIn(sandbox, `${sandbox.gitlab.url}/tmf/bugs/-/issues/5`);
});

test.describe('older GitLab that ignores severity on create', () => {
  test.use({ sandboxOptions: { gitlab: { ignoresSeverityOnCreate: true } } });

  test('known bug found by words, linked; "not sure" between Critical and Medium sets Critical with GraphQL', async ({ context, sandbox }) => {
    const page = await context.newPage();
    const { wizard, linked } = await openTicket(page, sandbox);
    await wizard.getByRole('radio', { name: 'Known bug' }).check();
    const search = wizard.getByLabel('Words, bug number or bug URL');
    await expect(search).toHaveValue(/booking calendar/);
    await expect(wizard.getByRole('button', { name: 'Create the incident in GitLab' })).toBeDisabled(); // no bug picked yet
    await wizard.getByRole('button', { name: 'Find' }).click();
    const results = wizard.getByRole('list', { name: 'Bugs found' }).getByRole('listitem');
    await expect(results.first()).toContainText('#4 Booking calendar ignores maintenance blocks');
    await results.first().getByRole('radio').check();

    await wizard.getByRole('radio', { name: 'I’m not sure' }).check();
    await wizard.getByLabel('Unsure between').selectOption('critical');
    await wizard.getByLabel('and', { exact: true }).selectOption('medium');
    await expect(wizard.getByTestId('severity-chosen')).toContainText('Critical – S1');
    await wizard.getByRole('button', { name: 'Create the incident in GitLab' }).click();

    await expect(wizard.getByRole('status')).toContainText('Done');
    await expect(wizard.getByTestId('gitlab-severity')).toContainText('Severity in GitLab: Critical – S1');
    await expect(wizard.locator('[data-step="severity"]')).toContainText('set with GraphQL');
    expect(sandbox.gitlab.issues('tmf/incidents')[0]).toMatchObject({ severity: 'CRITICAL', issueType: 'incident' });
    expect(sandbox.gitlab.requests().filter((r) => r.path === '/api/graphql').length).toBeGreaterThanOrEqual(2); // set, then read back
    expect(sandbox.gitlab.links()).toEqual([
      expect.objectContaining({ source: { projectId: 102, iid: 1 }, target: { projectId: 101, iid: 4 }, linkType: 'relates_to' }),
    ]);
    await expectTicketLoggedIn(sandbox, `${sandbox.gitlab.url}/tmf/incidents/-/issues/1`);
    const note = sandbox.odoo.messages(TICKET).find((m) => m.body.includes('GitLab issue:'));
    expect(note?.body).toContain('linked to bug tmf/bugs#4');
    await expect(linked.locator('[data-issue="tmf/incidents#1"]')).toContainText('Severity: Critical – S1');
  });
});

test('the known bug by its number or a pasted URL (issues, incident and work item forms)', async ({ context, sandbox }) => {
  const page = await context.newPage();
  const { wizard } = await openTicket(page, sandbox);
  await wizard.getByRole('radio', { name: 'Known bug' }).check();
  const search = wizard.getByLabel('Words, bug number or bug URL');
  const found = wizard.getByRole('list', { name: 'Bugs found' });
  for (const [query, iid] of [
    ['2', 2],
    ['#4', 4],
    [`${sandbox.gitlab.url}/tmf/bugs/-/issues/1#note_12`, 1],
    [`${sandbox.gitlab.url}/tmf/bugs/-/work_items/2`, 2],
    [`${sandbox.gitlab.url}/tmf/bugs/-/issues/incident/4`, 4],
  ] as const) {
    await search.fill(query);
    await wizard.getByRole('button', { name: 'Find' }).click();
    await expect(found.getByRole('listitem')).toHaveCount(1);
    await expect(found).toContainText(`#${iid} `);
    await expect(found.getByRole('radio')).toBeChecked(); // a number or URL picks it
  }
  await search.fill('99');
  await wizard.getByRole('button', { name: 'Find' }).click();
  await expect(wizard.getByRole('alert')).toContainText('Issue #99 was not found in “tmf/bugs”');
  await search.fill('https://gitlab.com/tmf/bugs/-/issues/1');
  await wizard.getByRole('button', { name: 'Find' }).click();
  await expect(wizard.getByRole('alert')).toContainText('This issue is on gitlab.com, not on your GitLab');
  expectNothingChanged(sandbox);
});
