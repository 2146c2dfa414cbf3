import { describe, expect, it } from 'vitest';
import { waitForElement } from './wait-for-element';

describe('waitForElement', () => {
  it('resolves when the element appears later', async () => {
    document.body.innerHTML = '';
    const waiting = waitForElement(() => document.querySelector('.o_form_view'), new AbortController().signal);
    const form = document.createElement('div');
    form.className = 'o_form_view';
    setTimeout(() => document.body.append(form), 5);
    expect(await waiting).toBe(form);
  });

  it('resolves null when aborted first', async () => {
    document.body.innerHTML = '';
    const controller = new AbortController();
    const waiting = waitForElement(() => document.querySelector('.never'), controller.signal);
    controller.abort();
    expect(await waiting).toBeNull();
  });
});
