package io.sightline.intake;

import java.io.IOException;
import java.io.InputStream;

import io.sightline.source.Uploads;
import io.sightline.system.ApiException;
import io.sightline.system.Owners;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/summaries}: a URL as JSON, or a file as multipart: a transcript or
 * subtitle file (read whole, up to {@code sightline.upload.max-text-size}), or a
 * recording (streamed to disk, up to {@code sightline.upload.max-media-size}).
 */
@Tag(name = "Summarize")
@RestController
class IntakeController {

	private final Intake intake;

	private final Owners owners;

	private final DataSize maxTextSize;

	IntakeController(Intake intake, Owners owners,
			@Value("${sightline.upload.max-text-size:20MB}") DataSize maxTextSize) {
		this.intake = intake;
		this.owners = owners;
		this.maxTextSize = maxTextSize;
	}

	@Operation(summary = "Summarizes a video, article, podcast episode, playlist, channel or feed at an address.",
			description = "Answers 202 at once with where to follow the task; the work runs in the background and survives restarts.")
	@PostMapping(path = "/api/summaries", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	TaskCreated fromUrl(@RequestBody CreateSummaryRequest request) {
		return this.intake.url(this.owners.current(), request);
	}

	@Operation(summary = "Summarizes an uploaded transcript, subtitle file or recording.")
	@PostMapping(path = "/api/summaries", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	TaskCreated fromFile(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String language,
			@RequestParam(required = false) String summarizer, @RequestParam(required = false) String length,
			@RequestParam(name = "summary_language", required = false) String summaryLanguage,
			@RequestParam(required = false) String transcript) {
		CreateSummaryRequest options = new CreateSummaryRequest(null, language, summarizer, length, summaryLanguage,
				transcript);
		try {
			if (Uploads.isRecording(file.getOriginalFilename())) {
				byte[] head;
				try (InputStream in = file.getInputStream()) {
					head = in.readNBytes(Uploads.RECORDING_HEAD_BYTES);
				}
				return this.intake.uploadRecording(this.owners.current(), file.getOriginalFilename(), head,
						file::transferTo, options);
			}
			if (file.getSize() > this.maxTextSize.toBytes()) {
				throw ApiException.tooLarge("The file is larger than " + this.maxTextSize.toMegabytes()
						+ " MB, the most a transcript or subtitle file may be; upload a smaller part of it.");
			}
			return this.intake.upload(this.owners.current(), file.getOriginalFilename(), file.getBytes(), options);
		}
		catch (IOException ex) {
			throw ApiException.badRequest("The upload could not be read completely; send the file again.");
		}
	}

}
