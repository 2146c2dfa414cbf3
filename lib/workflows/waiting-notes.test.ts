import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { waitingNotesItem } from '../settings';
import type { LinkedTicket } from '../firebase/repair-types';
import { postOnTicket, postWaitingNotes } from './waiting-notes';
import { runInTicketTab } from './odoo-relay';

vi.mock('./odoo-relay', () => ({ runInTicketTab: vi.fn() }));
const relay = vi.mocked(runInTicketTab);

const ticket: LinkedTicket = { origin: 'https://odoo.example.com', id: 42, ref: null, name: 'Car won’t end', url: 'https://odoo.example.com/odoo/helpdesk/42' };

beforeEach(() => {
  fakeBrowser.reset();
  relay.mockReset();
});

describe('notes for a ticket', () => {
  it('posts at once when a tab shows the ticket, and keeps nothing queued', async () => {
    relay.mockResolvedValue('Note posted');
    expect(await postOnTicket(ticket, 'audit', 'Repaired.')).toEqual({ state: 'posted', sentence: 'Note posted on ticket #42.' });
    expect(relay).toHaveBeenCalledWith({ origin: ticket.origin, ticketId: 42 }, { kind: 'note', text: 'Repaired.' }, undefined);
    expect(await waitingNotesItem.getValue()).toEqual([]);
  });

  it('waits for the ticket when no tab shows it, then posts each note once, in order, when it opens', async () => {
    relay.mockResolvedValue(null);
    expect(await postOnTicket(ticket, 'audit', 'Repaired.')).toEqual({ state: 'waiting', sentence: 'The note waits until ticket #42 is open in Odoo.' });
    await postOnTicket(ticket, 'audit', 'Undone.');
    expect((await waitingNotesItem.getValue()).map((note) => note.text)).toEqual(['Repaired.', 'Undone.']);

    relay.mockReset();
    relay.mockResolvedValue('Note posted');
    // Two openings at once (two panels asking): still one post per note.
    await Promise.all([postWaitingNotes(ticket.origin, 42, 7), postWaitingNotes(ticket.origin, 42, 7)]);
    expect(relay.mock.calls.map(([, step]) => (step.kind === 'note' ? step.text : ''))).toEqual(['Repaired.', 'Undone.']);
    expect(await waitingNotesItem.getValue()).toEqual([]);
  });

  it('an Odoo failure is a sentence and the note stays queued with it', async () => {
    relay.mockRejectedValue(new Error('Your Odoo session has expired: sign in to Odoo again.'));
    const outcome = await postOnTicket(ticket, 'audit', 'Repaired.');
    expect(outcome).toEqual({
      state: 'failed',
      sentence:
        'The note could not be posted on ticket #42: Your Odoo session has expired: sign in to Odoo again. It stays queued and is posted when the ticket is next opened in Odoo.',
    });
    expect(await waitingNotesItem.getValue()).toEqual([expect.objectContaining({ text: 'Repaired.', error: 'Your Odoo session has expired: sign in to Odoo again.' })]);
  });

  it('leaves other tickets’ notes alone', async () => {
    relay.mockResolvedValue(null);
    await postOnTicket({ ...ticket, id: 43 }, 'audit', 'Other ticket.');
    relay.mockResolvedValue('Note posted');
    await postWaitingNotes(ticket.origin, 42);
    expect(relay).toHaveBeenCalledTimes(1); // only the first try, for ticket 43
    expect((await waitingNotesItem.getValue()).map((note) => note.ticketId)).toEqual([43]);
  });

  it('stops waiting for a slow Odoo, and the note stays queued until Odoo took it', async () => {
    let answer: (result: string) => void = () => undefined;
    relay.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    expect(await postOnTicket(ticket, 'audit', 'Repaired.', 10)).toEqual({
      state: 'waiting',
      sentence: 'Odoo has not answered yet: the note is posted on ticket #42 when it does, or when the ticket is next opened in Odoo.',
    });
    expect(await waitingNotesItem.getValue()).toHaveLength(1);
    answer('Note posted');
    await expect.poll(async () => (await waitingNotesItem.getValue()).length).toBe(0);
  });
});
