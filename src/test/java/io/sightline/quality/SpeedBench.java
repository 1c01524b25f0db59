package io.sightline.quality;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.sightline.source.Transcript;
import io.sightline.source.upload.TranscriptParser;
import io.sightline.source.upload.UploadFormat;
import io.sightline.summarize.Summarizer;
import io.sightline.summarize.SummaryLength;
import io.sightline.summarize.SummaryRequest;
import io.sightline.summarize.extractive.ExtractiveForBench;

/**
 * Times the extractive summarizer on transcripts of 10,000, 20,000 and 50,000 words
 * (built from the evaluation set's meetings, one after another) after a warm-up, and
 * reports the median and best time and the bytes allocated per run.
 * {@code BENCH_MAIN=io.sightline.quality.SpeedBench bench/quality/run.sh}
 */
public final class SpeedBench {

	private SpeedBench() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of((args.length > 0) ? args[0] : "src/test/resources/eval/qmsum-val/txt");
		int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 15;
		List<String> lines = new ArrayList<>();
		for (Path file : QualityHarness.transcripts(dir)) {
			lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
		}
		Summarizer summarizer = ExtractiveForBench.create();
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		System.out.printf(Locale.ROOT, "%-7s %9s %9s %9s %12s%n", "words", "median ms", "best ms", "worst ms",
				"alloc MB/run");
		for (int words : new int[] { 10_000, 20_000, 50_000 }) {
			String text = firstWords(lines, words);
			Transcript transcript = TranscriptParser.parse(UploadFormat.TXT, text);
			SummaryRequest request = new SummaryRequest("bench", transcript, SummaryLength.of("medium").orElseThrow(),
					null);
			for (int i = 0; i < 5; i++) {
				summarizer.summarize(request, (fraction, stage) -> {
				});
			}
			double[] millis = new double[runs];
			long allocated = 0;
			for (int i = 0; i < runs; i++) {
				long bytesBefore = threads.getCurrentThreadAllocatedBytes();
				long started = System.nanoTime();
				summarizer.summarize(request, (fraction, stage) -> {
				});
				millis[i] = (System.nanoTime() - started) / 1e6;
				allocated += threads.getCurrentThreadAllocatedBytes() - bytesBefore;
			}
			Arrays.sort(millis);
			System.out.printf(Locale.ROOT, "%-7d %9.1f %9.1f %9.1f %12.1f%n", words, millis[runs / 2], millis[0],
					millis[runs - 1], allocated / (double) runs / (1 << 20));
		}
	}

	private static String firstWords(List<String> lines, int words) {
		StringBuilder text = new StringBuilder();
		int count = 0;
		for (String line : lines) {
			if (count >= words) {
				break;
			}
			text.append(line).append('\n');
			count += line.strip().split("\\s+").length;
		}
		return text.toString();
	}

}
