package io.sightline.quality;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.sightline.source.upload.TranscriptParser;
import io.sightline.source.upload.UploadFormat;
import io.sightline.source.upload.UploadText;
import io.sightline.summarize.extractive.ExtractiveForBench;
import io.sightline.summarize.extractive.ExtractiveForBench.Ranked;

/**
 * How much better the summarizer's own best sentences could be chosen: for each meeting,
 * five of its top K candidates (the TL;DR's left out) picked greedily with the reference
 * in hand (the most ROUGE-1 + ROUGE-2 of the key points joined and cut by the quality
 * rule), for K = 10, 20 and 40; and how the sentences that choice takes among the top 20
 * differ from the others there (rank, words, position in the meeting).
 * {@code BENCH_MAIN=io.sightline.quality.OracleBench bench/quality/run.sh}
 */
public final class OracleBench {

	private static final int PICKS = 5;

	private OracleBench() {
	}

	public static void main(String[] args) throws IOException {
		Path dir = Path.of((args.length > 0) ? args[0] : "src/test/resources/eval/qmsum-val/txt");
		List<String> references = new ArrayList<>();
		List<List<Ranked>> meetings = new ArrayList<>();
		for (Path file : QualityHarness.transcripts(dir)) {
			references.add(Files.readString(
					dir.resolve(file.getFileName().toString().replace(".transcript.txt", ".summary.txt")),
					StandardCharsets.UTF_8));
			meetings.add(ExtractiveForBench
				.ranked(TranscriptParser.parse(UploadFormat.TXT, UploadText.decode(Files.readAllBytes(file)))));
		}
		System.out.printf(Locale.ROOT, "%-8s %6s %6s %6s%n", "pool", "R1", "R2", "RL");
		for (int k : new int[] { 10, 20, 40 }) {
			double[] sums = new double[3];
			for (int m = 0; m < meetings.size(); m++) {
				Rouge.Scores scores = Rouge.score(references.get(m),
						joined(oracle(top(meetings.get(m), k), references.get(m))));
				sums[0] += scores.rouge1();
				sums[1] += scores.rouge2();
				sums[2] += scores.rougeL();
			}
			System.out.printf(Locale.ROOT, "top %-4d %6.1f %6.1f %6.1f%n", k, 100 * sums[0] / meetings.size(),
					100 * sums[1] / meetings.size(), 100 * sums[2] / meetings.size());
		}
		double[][] traits = new double[2][4];
		for (int m = 0; m < meetings.size(); m++) {
			List<Ranked> pool = top(meetings.get(m), 20);
			List<Ranked> taken = oracle(pool, references.get(m));
			for (int rank = 0; rank < pool.size(); rank++) {
				Ranked sentence = pool.get(rank);
				double[] row = traits[taken.contains(sentence) ? 0 : 1];
				row[0] += rank;
				row[1] += sentence.text().split("\\s+").length;
				row[2] += sentence.index() / (double) meetings.get(m).size();
				row[3]++;
			}
		}
		System.out.printf(Locale.ROOT, "%ntop 20: %-8s %6s %6s %9s%n", "", "rank", "words", "position");
		for (int t = 0; t < 2; t++) {
			System.out.printf(Locale.ROOT, "        %-8s %6.1f %6.1f %9.2f%n", (t == 0) ? "taken" : "others",
					traits[t][0] / traits[t][3], traits[t][1] / traits[t][3], traits[t][2] / traits[t][3]);
		}
	}

	private static List<Ranked> top(List<Ranked> meeting, int k) {
		return meeting.stream()
			.filter((sentence) -> !sentence.inTldr())
			.sorted(Comparator.comparingDouble(Ranked::score).reversed())
			.limit(k)
			.toList();
	}

	/** Five of the pool, each added where it raises ROUGE-1 + ROUGE-2 the most. */
	private static List<Ranked> oracle(List<Ranked> pool, String reference) {
		List<Ranked> taken = new ArrayList<>();
		while (taken.size() < PICKS && taken.size() < pool.size()) {
			Ranked best = null;
			double bestValue = -1;
			for (Ranked sentence : pool) {
				if (taken.contains(sentence)) {
					continue;
				}
				List<Ranked> trial = new ArrayList<>(taken);
				trial.add(sentence);
				Rouge.Scores scores = Rouge.score(reference, joined(trial));
				if (scores.rouge1() + scores.rouge2() > bestValue) {
					bestValue = scores.rouge1() + scores.rouge2();
					best = sentence;
				}
			}
			taken.add(best);
		}
		return taken;
	}

	/** The sentences in time order, joined and cut by the quality rule. */
	private static String joined(List<Ranked> sentences) {
		return QualityHarness.cut(
				String.join(" ",
						sentences.stream().sorted(Comparator.comparingInt(Ranked::index)).map(Ranked::text).toList()),
				QualityHarness.DEFAULT_BUDGET);
	}

}
