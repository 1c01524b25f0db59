package io.sightline.support;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The speaker labels a meeting transcript opens its lines with ("Project Manager: ",
 * "Lynne Neagle AM: "), to check that no summary repeats one as if it were said.
 */
public final class SpeakerLabels {

	private static final Pattern LABEL = Pattern.compile("(?m)^([^:\\n]{1,80}):");

	private SpeakerLabels() {
	}

	public static Set<String> of(String transcript) {
		Matcher matcher = LABEL.matcher(transcript);
		return matcher.results().map((result) -> result.group(1).strip()).collect(Collectors.toSet());
	}

	/** Whether the text opens with one of the labels and its colon. */
	public static boolean opensWithOne(String text, Set<String> labels) {
		return labels.stream().anyMatch((label) -> text.startsWith(label + ":"));
	}

}
