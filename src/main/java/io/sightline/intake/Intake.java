package io.sightline.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.sightline.collection.Collections;
import io.sightline.collection.Follows;
import io.sightline.pipeline.SummarizeJob.JobQueue;
import io.sightline.source.MediaFiles;
import io.sightline.source.SourceFailure;
import io.sightline.source.SourceRequest;
import io.sightline.source.Sources;
import io.sightline.source.TranscriptChoice;
import io.sightline.source.Uploads;
import io.sightline.summarize.Summarizers;
import io.sightline.summarize.SummaryLength;
import io.sightline.system.ApiException;
import io.sightline.task.Task;
import io.sightline.task.TaskSource;
import io.sightline.task.Tasks;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Checks a request, creates its task and puts its job on the queue, in one transaction: a
 * task never exists without the job that will finish it. Fetches nothing from the
 * network.
 */
@Service
public class Intake {

	static final String QUEUED = "Queued, waiting for a worker...";

	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?");

	private final Collections collections;

	private final Tasks tasks;

	private final JobQueue jobs;

	private final Summarizers summarizers;

	private final Sources sources;

	private final IntakeProperties properties;

	private final Limits limits;

	private final MediaFiles media;

	private final Follows follows;

	private final JsonMapper json;

	private final FollowProperties followProperties;

	Intake(Tasks tasks, JobQueue jobs, Summarizers summarizers, Sources sources, IntakeProperties properties,
			Limits limits, MediaFiles media, Collections collections, Follows follows, JsonMapper json,
			FollowProperties followProperties) {
		this.tasks = tasks;
		this.followProperties = followProperties;
		this.follows = follows;
		this.json = json;
		this.collections = collections;
		this.media = media;
		this.limits = limits;
		this.jobs = jobs;
		this.summarizers = summarizers;
		this.sources = sources;
		this.properties = properties;
	}

	@Transactional
	public TaskCreated url(String owner, CreateSummaryRequest request) {
		this.limits.admit(owner);
		String url = checkUrl(request.url());
		if (this.sources.isList(url) || (request.asksForList() && this.sources.mayBeList(url))) {
			return collection(owner, url, request, null);
		}
		if (request.asksForList()) {
			throw ApiException.badRequest("limit, since and follow apply to playlists, channels and feeds, and " + url
					+ " is none of them; leave them out.");
		}
		try {
			this.sources
				.check(new SourceRequest(url, null, null, request.language(), transcript(request.transcript())));
		}
		catch (SourceFailure refused) {
			throw ApiException.refused(refused);
		}
		return create(owner, source(TaskSource.Kind.URL, url, null, request), null);
	}

	/**
	 * The new items of a followed channel or feed, summarized as a collection of the
	 * follow's with the options it was made with.
	 */
	@Transactional
	public TaskCreated followed(String owner, String url, CreateSummaryRequest options, UUID followId) {
		this.limits.admit(owner);
		return collection(owner, url, options, followId);
	}

	/**
	 * A collection's task (a playlist, channel or feed), its collection and its job; with
	 * the follow the request asks for, or for the follow {@code followId}.
	 */
	private TaskCreated collection(String owner, String url, CreateSummaryRequest request, UUID followId) {
		LocalDate since = since(request.since(), url);
		boolean follow = Boolean.TRUE.equals(request.follow());
		if (follow && !this.sources.isDated(url)) {
			throw ApiException.badRequest("follow applies to channels and feeds, whose new items come first; a"
					+ " playlist has no order of new items, so leave follow out.");
		}
		TaskSource source = source(TaskSource.Kind.COLLECTION, url, null, request, limit(request.limit()), since);
		Task task = this.tasks.create(owner, source, null, "Waiting to read the list...");
		UUID made = follow ? this.follows.create(owner, url, this.json.writeValueAsString(request.options()),
				task.createdAt(), this.followProperties.interval()) : followId;
		this.collections.create(task.summaryId(), owner, task.id(), url, task.createdAt(), made);
		this.jobs.enqueue(task.id());
		return TaskCreated.ofCollection(task.id(), task.summaryId(), follow ? made : null);
	}

	/**
	 * The oldest date of the items to take, or null; only channels and feeds are dated.
	 */
	private LocalDate since(String value, String url) {
		if (value == null || value.isBlank()) {
			return null;
		}
		LocalDate since;
		try {
			since = LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badRequest("since must be a date such as 2026-11-01, not " + quoted(value) + ".");
		}
		if (!this.sources.isDated(url)) {
			throw ApiException.badRequest("since applies to channels and feeds, newest first; a playlist is taken in"
					+ " its own order, so leave since out and use limit.");
		}
		return since;
	}

	/**
	 * An uploaded transcript or subtitle file, summarized as {@code options} say (their
	 * {@code url} is not used).
	 */
	@Transactional
	public TaskCreated upload(String owner, String fileName, byte[] bytes, CreateSummaryRequest options) {
		this.limits.admit(owner);
		String name = (fileName == null || fileName.isBlank()) ? null : fileName.strip();
		if (!Uploads.accepts(name)) {
			throw unsupported(name);
		}
		String text;
		try {
			this.sources
				.check(new SourceRequest(null, name, null, options.language(), transcript(options.transcript())));
			text = Uploads.read(name, bytes);
		}
		catch (SourceFailure unreadable) {
			throw ApiException.refused(unreadable);
		}
		return create(owner, source(TaskSource.Kind.UPLOAD, null, name, options), text);
	}

	/**
	 * An uploaded recording, checked by its first bytes and the server's means to
	 * transcribe it, then written to disk by {@code writer} (never held in memory) for
	 * the task.
	 */
	@Transactional
	public TaskCreated uploadRecording(String owner, String fileName, byte[] head, MediaFiles.Writer writer,
			CreateSummaryRequest options) {
		this.limits.admit(owner);
		String name = (fileName == null || fileName.isBlank()) ? null : fileName.strip();
		if (!Uploads.isRecording(name)) {
			throw unsupported(name);
		}
		try {
			Uploads.checkRecording(name, head);
			this.sources
				.check(new SourceRequest(null, name, null, options.language(), transcript(options.transcript())));
		}
		catch (SourceFailure refused) {
			throw ApiException.refused(refused);
		}
		TaskSource source = source(TaskSource.Kind.UPLOAD, null, name, options);
		Task task = this.tasks.create(owner, source, null, QUEUED);
		this.media.store(task.id(), name, writer);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// a task that is not made keeps no recording
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						Intake.this.media.release(task.id());
					}
				}

			});
		}
		this.jobs.enqueue(task.id());
		return TaskCreated.of(task.id(), task.summaryId());
	}

	private static ApiException unsupported(String name) {
		return ApiException.unsupportedMediaType(
				((name == null) ? "The upload has no file name" : "Files like '" + name + "' cannot be summarized")
						+ "; upload a " + Uploads.ACCEPTED + " file, or a recording (" + Uploads.ACCEPTED_RECORDINGS
						+ ").");
	}

	private TaskSource source(TaskSource.Kind kind, String url, String fileName, CreateSummaryRequest options) {
		return source(kind, url, fileName, options, null, null);
	}

	private TaskSource source(TaskSource.Kind kind, String url, String fileName, CreateSummaryRequest options,
			Integer limit, LocalDate since) {
		String summarizer = summarizer(options.summarizer());
		String summaryLanguage = summaryLanguage(options.summaryLanguage());
		if (summaryLanguage != null && !this.summarizers.writesIn(summarizer, summaryLanguage, options.language())) {
			throw ApiException.badRequest("The " + ((summarizer != null) ? summarizer : "default")
					+ " summarizer writes in the transcript's own language and"
					+ " cannot translate; choose the llm summarizer to get the summary in " + summaryLanguage
					+ ", or leave summary_language out.");
		}
		TranscriptChoice transcript = transcript(options.transcript());
		return new TaskSource(kind, url, fileName, language(options.language()), summarizer, length(options.length()),
				summaryLanguage, (transcript == TranscriptChoice.AUTO) ? null : transcript.value(), limit, since, null);
	}

	/** The items a collection with these options takes. */
	int limitOf(CreateSummaryRequest options) {
		return limit(options.limit());
	}

	/** The items a collection takes: as asked, within 1 and the most allowed. */
	private int limit(Integer asked) {
		if (asked == null) {
			return this.properties.collectionLimit();
		}
		if (asked < 1 || asked > this.properties.maxCollectionLimit()) {
			throw ApiException.badRequest("limit must be from 1 to " + this.properties.maxCollectionLimit()
					+ " (sightline.intake.max-collection-limit), not " + asked + ".");
		}
		return asked;
	}

	private static TranscriptChoice transcript(String value) {
		return TranscriptChoice.of(value)
			.orElseThrow(() -> ApiException
				.badRequest("transcript must be auto, captions or asr, not " + quoted(value) + "."));
	}

	/**
	 * A two-letter language code, or null for the transcript's own ({@code auto} or
	 * none).
	 */
	private static String summaryLanguage(String code) {
		if (code == null || code.isBlank() || code.strip().equalsIgnoreCase("auto")) {
			return null;
		}
		String lower = code.strip().toLowerCase(Locale.ROOT);
		if (!lower.matches("[a-z]{2}")) {
			throw ApiException.badRequest("summary_language must be a two-letter language code such as de, or auto,"
					+ " not " + quoted(code) + ".");
		}
		return lower;
	}

	private TaskCreated create(String owner, TaskSource source, String uploadContent) {
		Task task = this.tasks.create(owner, source, uploadContent, QUEUED);
		this.jobs.enqueue(task.id());
		return TaskCreated.of(task.id(), task.summaryId());
	}

	private String checkUrl(String url) {
		if (url == null || url.isBlank()) {
			throw ApiException.badRequest("The request has no url; send {\"url\": \"https://…\"} or upload a file.");
		}
		String trimmed = url.strip();
		if (trimmed.length() > this.properties.maxUrlLength()) {
			throw ApiException.badRequest("The url is longer than " + this.properties.maxUrlLength()
					+ " characters; send the page's canonical address.");
		}
		try {
			URI uri = new URI(trimmed);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!scheme.equals("http") && !scheme.equals("https")) {
				throw ApiException.badRequest("Only http and https addresses can be summarized, not " + quoted(trimmed)
						+ "; send the address of a web page or a YouTube video.");
			}
			if (uri.getHost() == null || uri.getHost().isBlank()) {
				throw ApiException.badRequest("The address " + quoted(trimmed)
						+ " has no host name (or an unusual one); send a full address such as https://example.com/article.");
			}
			if (uri.getPort() > 65535) {
				throw ApiException.badRequest("The address " + quoted(trimmed) + " has port " + uri.getPort()
						+ ", and ports go up to 65535; check the address.");
			}
		}
		catch (URISyntaxException ex) {
			throw ApiException.badRequest("The address " + quoted(trimmed) + " is not valid (" + ex.getReason()
					+ "); check it for spaces or missing parts.");
		}
		return trimmed;
	}

	/** A value as it can be shown back in a sentence: quoted, and cut if it is long. */
	private static String quoted(String value) {
		return "'" + ((value.length() > 100) ? value.substring(0, 100) + "…" : value) + "'";
	}

	private static String language(String language) {
		if (language == null || language.isBlank()) {
			return null;
		}
		if (!LANGUAGE.matcher(language.strip()).matches()) {
			throw ApiException
				.badRequest("language must be a language code such as en, de or pt-BR, not " + quoted(language) + ".");
		}
		return language.strip();
	}

	private String summarizer(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		return this.summarizers.find(name)
			.orElseThrow(() -> ApiException.badRequest(this.summarizers.notConfigured(name)))
			.name();
	}

	private static String length(String length) {
		if (length == null || length.isBlank()) {
			return null;
		}
		return SummaryLength.of(length)
			.orElseThrow(
					() -> ApiException.badRequest("length must be short, medium or long, not " + quoted(length) + "."))
			.value();
	}

}
