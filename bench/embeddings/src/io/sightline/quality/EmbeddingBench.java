package io.sightline.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.sightline.source.Transcript;
import io.sightline.source.upload.TranscriptParser;
import io.sightline.source.upload.UploadFormat;
import io.sightline.source.upload.UploadText;
import io.sightline.summarize.extractive.EmbeddingPicks;
import io.sightline.summarize.extractive.EmbeddingPicks.Centrality;

/**
 * Would a sentence-embedding model (all-MiniLM-L6-v2, quantized, run by ONNX Runtime)
 * pick better key points than the TF-IDF graph? Scores each way of finding centrality on
 * the QMSum validation set by the quality harness's rule, and times the embedding.
 * Embeddings are cached under target/embeddings-cache.
 */
public final class EmbeddingBench {

	private static final Path DIR = Path.of("src/test/resources/eval/qmsum-val/txt");

	private static final Path CACHE = Path.of("target/embeddings-cache");

	private static final double[] THRESHOLDS = { 0.1, 0.2, 0.25, 0.3, 0.4 };

	private static long embeddingNanos;

	private static long embedded;

	private EmbeddingBench() {
	}

	public static void main(String[] args) throws IOException {
		EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
		List<Path> files = QualityHarness.transcripts(DIR);
		System.out.printf(Locale.ROOT, "%-22s %6s %6s %6s%n", "centrality", "R1", "R2", "RL");
		print("tfidf", score(files, model, Centrality.TFIDF, 0));
		for (Centrality centrality : List.of(Centrality.EMBEDDING, Centrality.BOTH)) {
			for (double threshold : THRESHOLDS) {
				print(centrality.name().toLowerCase(Locale.ROOT) + " >= " + threshold,
						score(files, model, centrality, threshold));
			}
		}
		if (embedded > 0) {
			System.out.printf(Locale.ROOT, "embedding took %.2f ms per sentence (%d sentences, one thread pool)%n",
					embeddingNanos / 1e6 / embedded, embedded);
		}
	}

	private static Rouge.Scores score(List<Path> files, EmbeddingModel model, Centrality centrality,
			double threshold) throws IOException {
		double r1 = 0;
		double r2 = 0;
		double rl = 0;
		for (Path file : files) {
			String name = file.getFileName().toString().replace(".transcript.txt", "");
			Transcript transcript = TranscriptParser.parse(UploadFormat.TXT, UploadText.decode(Files.readAllBytes(file)));
			List<String> keyPoints = EmbeddingPicks.keyPoints(transcript, 5, centrality, threshold,
					(texts) -> vectors(name, texts, model));
			String reference = Files.readString(DIR.resolve(name + ".summary.txt"), StandardCharsets.UTF_8);
			Rouge.Scores scores = Rouge.score(reference,
					QualityHarness.cut(String.join(" ", keyPoints), QualityHarness.DEFAULT_BUDGET));
			r1 += scores.rouge1();
			r2 += scores.rouge2();
			rl += scores.rougeL();
		}
		return new Rouge.Scores(r1 / files.size(), r2 / files.size(), rl / files.size());
	}

	/**
	 * Unit vectors of the texts, from the cache when it has them (keyed by the texts, so
	 * a change to the candidate sentences embeds them again).
	 */
	private static float[][] vectors(String name, List<String> texts, EmbeddingModel model) {
		Path cached = CACHE.resolve(name + "-" + Integer.toHexString(texts.hashCode()) + ".f32");
		try {
			if (Files.exists(cached)) {
				ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(cached));
				float[][] vectors = new float[buffer.getInt()][buffer.getInt()];
				for (float[] vector : vectors) {
					buffer.asFloatBuffer().get(vector);
					buffer.position(buffer.position() + 4 * vector.length);
				}
				return vectors;
			}
			long started = System.nanoTime();
			List<Embedding> embeddings = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
			embeddingNanos += System.nanoTime() - started;
			embedded += texts.size();
			int dimensions = embeddings.get(0).vector().length;
			float[][] vectors = new float[texts.size()][];
			ByteBuffer buffer = ByteBuffer.allocate(8 + 4 * texts.size() * dimensions);
			buffer.putInt(texts.size()).putInt(dimensions);
			for (int i = 0; i < vectors.length; i++) {
				Embedding embedding = embeddings.get(i);
				embedding.normalize();
				vectors[i] = embedding.vector();
				for (float x : vectors[i]) {
					buffer.putFloat(x);
				}
			}
			Files.createDirectories(CACHE);
			Files.write(cached, buffer.array());
			return vectors;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void print(String name, Rouge.Scores scores) {
		System.out.printf(Locale.ROOT, "%-22s %6.1f %6.1f %6.1f%n", name, 100 * scores.rouge1(), 100 * scores.rouge2(),
				100 * scores.rougeL());
	}

}
