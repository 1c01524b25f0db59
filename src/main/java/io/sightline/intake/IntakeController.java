package io.sightline.intake;

import java.io.IOException;

import io.sightline.system.ApiException;
import io.sightline.system.Owners;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/summaries}: a URL as JSON, or a transcript file as multipart. */
@RestController
class IntakeController {

	private final Intake intake;

	private final Owners owners;

	IntakeController(Intake intake, Owners owners) {
		this.intake = intake;
		this.owners = owners;
	}

	@PostMapping(path = "/api/summaries", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	TaskCreated fromUrl(@RequestBody CreateSummaryRequest request) {
		return this.intake.url(this.owners.current(), request);
	}

	@PostMapping(path = "/api/summaries", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	TaskCreated fromFile(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String language,
			@RequestParam(required = false) String summarizer, @RequestParam(required = false) String length,
			@RequestParam(name = "summary_language", required = false) String summaryLanguage) {
		byte[] bytes;
		try {
			bytes = file.getBytes();
		}
		catch (IOException ex) {
			throw ApiException.badRequest("The upload could not be read completely; send the file again.");
		}
		return this.intake.upload(this.owners.current(), file.getOriginalFilename(), bytes,
				new CreateSummaryRequest(null, language, summarizer, length, summaryLanguage));
	}

}
