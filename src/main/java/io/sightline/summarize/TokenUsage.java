package io.sightline.summarize;

/**
 * What a model-backed summary cost: tokens sent and received, calls, the time spent
 * waiting on the model, and, where prices are set, the money ({@code cost} in
 * {@code currency}; null without prices).
 */
public record TokenUsage(int promptTokens, int completionTokens, int calls, long modelMillis, Double cost,
		String currency) {

	/** Nothing yet. */
	public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0, null, null);

	/** With one more call's tokens and the time it took. */
	public TokenUsage plus(int prompt, int completion, long millis) {
		return new TokenUsage(this.promptTokens + prompt, this.completionTokens + completion, this.calls + 1,
				this.modelMillis + millis, this.cost, this.currency);
	}

	/**
	 * Priced per million prompt and completion tokens; unchanged where either price is
	 * not set.
	 */
	public TokenUsage priced(Double promptPerMillion, Double completionPerMillion, String inCurrency) {
		if (promptPerMillion == null || completionPerMillion == null) {
			return this;
		}
		double money = (this.promptTokens * promptPerMillion + this.completionTokens * completionPerMillion)
				/ 1_000_000;
		return new TokenUsage(this.promptTokens, this.completionTokens, this.calls, this.modelMillis, money,
				inCurrency);
	}

}
