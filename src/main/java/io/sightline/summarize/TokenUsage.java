package io.sightline.summarize;

/** What a model-backed summary cost: tokens sent and received over all its calls. */
public record TokenUsage(int promptTokens, int completionTokens, int calls) {

	public TokenUsage plus(int prompt, int completion) {
		return new TokenUsage(this.promptTokens + prompt, this.completionTokens + completion, this.calls + 1);
	}

}
