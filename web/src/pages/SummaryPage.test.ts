import { describe, expect, it } from 'vitest';
import { usageLine } from './SummaryPage';

describe('usageLine', () => {
  it('says what the model cost, with money where prices are set', () => {
    expect(usageLine({ prompt_tokens: 12345, completion_tokens: 678, calls: 9, model_millis: 83_400, cost: 0.00226, currency: 'USD' })).toBe(
      '12,345 tokens in, 678 out · 9 model calls · 1 min 23 s on the model · 0.0023 USD',
    );
    expect(usageLine({ prompt_tokens: 10, completion_tokens: 5, calls: 1, model_millis: 900, cost: null, currency: null })).toBe(
      '10 tokens in, 5 out · 1 model call · 1 s on the model',
    );
  });
});
