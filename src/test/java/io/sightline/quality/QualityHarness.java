package io.sightline.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.sightline.source.Transcript;
import io.sightline.source.upload.TranscriptParser;
import io.sightline.source.upload.UploadFormat;
import io.sightline.source.upload.UploadText;
import io.sightline.summarize.KeyPoint;
import io.sightline.summarize.Summarizer;
import io.sightline.summarize.SummaryDocument;
import io.sightline.summarize.SummaryLength;
import io.sightline.summarize.SummaryRequest;
import io.sightline.summarize.extractive.ExtractiveForBench;

/**
 * Scores a summarizer on a directory of {@code NAME.transcript.txt} /
 * {@code NAME.summary.txt} pairs by the rule of the summaries issue: the raw transcript
 * is read as an uploaded .txt file, summarized with {@code length=short}, its key points
 * joined with spaces and cut at the budget (110 words), and scored with ROUGE-1/2/L F1
 * against the reference; beside it, a lead baseline of the transcript's first words at
 * the same budget. Prints a row per document and the means.
 *
 * <pre>bench/quality/run.sh [DIR] [BUDGET]</pre>
 */
public final class QualityHarness {

	static final int DEFAULT_BUDGET = 110;

	/** One document's outcome. */
	record Row(String name, int words, double millis, Rouge.Scores summary, Rouge.Scores lead, List<String> keyPoints) {
	}

	private QualityHarness() {
	}

	public static void main(String[] args) {
		Path dir = Path.of((args.length > 0) ? args[0] : "src/test/resources/eval/qmsum-val/txt");
		int budget = (args.length > 1) ? Integer.parseInt(args[1]) : DEFAULT_BUDGET;
		List<Row> rows = run(ExtractiveForBench.create(), dir, budget);
		print(rows, budget);
		String dump = System.getenv("QUALITY_DUMP");
		if (dump != null) {
			List<String> lines = new ArrayList<>();
			rows.forEach((row) -> row.keyPoints().forEach((point) -> lines.add(row.name() + "\t" + point)));
			try {
				Files.write(Path.of(dump), lines, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	static List<Row> run(Summarizer summarizer, Path dir, int budget) {
		List<Row> rows = new ArrayList<>();
		for (Path transcriptFile : transcripts(dir)) {
			String name = transcriptFile.getFileName().toString().replace(".transcript.txt", "");
			String raw = read(transcriptFile);
			String reference = read(dir.resolve(name + ".summary.txt"));
			Transcript transcript = TranscriptParser.parse(UploadFormat.TXT,
					UploadText.decode(raw.getBytes(StandardCharsets.UTF_8)));
			long started = System.nanoTime();
			SummaryDocument document = summarizer.summarize(
					new SummaryRequest(name, transcript, SummaryLength.of("short").orElseThrow(), null),
					(fraction, text) -> {
					});
			double millis = (System.nanoTime() - started) / 1e6;
			List<String> keyPoints = document.keyPoints().stream().map(KeyPoint::text).toList();
			String candidate = cut(String.join(" ", keyPoints), budget);
			rows.add(new Row(name, words(raw), millis, Rouge.score(reference, candidate),
					Rouge.score(reference, cut(lead(raw), budget)), keyPoints));
		}
		return rows;
	}

	static List<Path> transcripts(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".transcript.txt")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The first words of the transcript, without speaker labels and {annotation} tokens.
	 */
	static String lead(String raw) {
		StringBuilder text = new StringBuilder();
		for (String line : raw.split("\\R")) {
			text.append(line.replaceFirst("^[^:]{1,40}:\\s*", "").replaceAll("\\{[^}]*\\}", " ")).append(' ');
		}
		return text.toString();
	}

	static String cut(String text, int words) {
		String[] parts = text.strip().split("\\s+");
		return String.join(" ", Arrays.asList(parts).subList(0, Math.min(words, parts.length)));
	}

	private static int words(String text) {
		return text.strip().split("\\s+").length;
	}

	static void print(List<Row> rows, int budget) {
		System.out.printf(Locale.ROOT, "%-8s %7s %8s | %6s %6s %6s | %6s %6s %6s%n", "doc", "words", "ms", "R1", "R2",
				"RL", "leadR1", "leadR2", "leadRL");
		for (Row row : rows) {
			System.out.printf(Locale.ROOT, "%-8s %7d %8.1f | %6.1f %6.1f %6.1f | %6.1f %6.1f %6.1f%n", row.name(),
					row.words(), row.millis(), 100 * row.summary().rouge1(), 100 * row.summary().rouge2(),
					100 * row.summary().rougeL(), 100 * row.lead().rouge1(), 100 * row.lead().rouge2(),
					100 * row.lead().rougeL());
		}
		Rouge.Scores mean = mean(rows.stream().map(Row::summary).toList());
		Rouge.Scores lead = mean(rows.stream().map(Row::lead).toList());
		System.out.printf(Locale.ROOT, "%nmean over %d documents, F1 x 100, %d-word budget%n", rows.size(), budget);
		System.out.printf(Locale.ROOT, "%-12s %6s %6s %6s%n", "system", "R1", "R2", "RL");
		System.out.printf(Locale.ROOT, "%-12s %6.1f %6.1f %6.1f%n", "extractive", 100 * mean.rouge1(),
				100 * mean.rouge2(), 100 * mean.rougeL());
		System.out.printf(Locale.ROOT, "%-12s %6.1f %6.1f %6.1f%n", "lead", 100 * lead.rouge1(), 100 * lead.rouge2(),
				100 * lead.rougeL());
		System.out.printf(Locale.ROOT, "mean time %.1f ms per document%n",
				rows.stream().mapToDouble(Row::millis).average().orElse(0));
	}

	static Rouge.Scores mean(List<Rouge.Scores> scores) {
		return new Rouge.Scores(scores.stream().mapToDouble(Rouge.Scores::rouge1).average().orElse(0),
				scores.stream().mapToDouble(Rouge.Scores::rouge2).average().orElse(0),
				scores.stream().mapToDouble(Rouge.Scores::rougeL).average().orElse(0));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
