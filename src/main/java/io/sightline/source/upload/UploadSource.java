package io.sightline.source.upload;

import io.sightline.source.Source;
import io.sightline.source.SourceFailure;
import io.sightline.source.SourceMetadata;
import io.sightline.source.SourceProperties;
import io.sightline.source.SourceRequest;
import io.sightline.source.Transcript;
import io.sightline.source.Uploads;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * An uploaded transcript or subtitle file, whose text was kept with the task at intake.
 */
@Component
@Order(0)
class UploadSource implements Source {

	private final int maxWords;

	UploadSource(SourceProperties properties) {
		this.maxWords = properties.maxWords();
	}

	@Override
	public boolean supports(SourceRequest request) {
		return request.isUpload();
	}

	@Override
	public SourceMetadata metadata(SourceRequest request) {
		Integer duration = UploadFormat.of(request.fileName())
			.map((format) -> TranscriptParser.durationSeconds(format, request.content()))
			.orElse(null);
		return new SourceMetadata(Uploads.title(request.fileName()), null, "upload", null, duration, null,
				request.language());
	}

	@Override
	public Transcript transcript(SourceRequest request, SourceMetadata metadata) {
		UploadFormat format = UploadFormat.of(request.fileName())
			.orElseThrow(() -> SourceFailure.permanent("upload.unsupported_type", "Files like " + request.fileName()
					+ " cannot be summarized; upload a " + UploadFormat.ACCEPTED + " file."));
		Transcript parsed = TranscriptParser.parse(format, request.content(), this.maxWords);
		return new Transcript(parsed.segments(), request.language(), parsed.skippedCues(), parsed.wordsLeftOut());
	}

	@Override
	public String name() {
		return "upload";
	}

}
