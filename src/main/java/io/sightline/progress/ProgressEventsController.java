package io.sightline.progress;

import java.io.IOException;
import java.util.UUID;

import io.sightline.system.ApiException;
import io.sightline.system.Owners;
import io.sightline.task.ProgressChanged;
import io.sightline.task.Task;
import io.sightline.task.Tasks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/progress/{id}/events}: the current state at once (or, with
 * {@code Last-Event-ID: n}, exactly the changes after n), then one event per change,
 * closing after the terminal one.
 */
@Tag(name = "Tasks")
@RestController
class ProgressEventsController {

	private final Tasks tasks;

	private final Owners owners;

	private final ProgressHub hub;

	private final ProgressProperties properties;

	ProgressEventsController(Tasks tasks, Owners owners, ProgressHub hub, ProgressProperties properties) {
		this.tasks = tasks;
		this.owners = owners;
		this.hub = hub;
		this.properties = properties;
	}

	@Operation(summary = "A task's progress as Server-Sent Events: the current state, then one event per change.",
			description = "Each event is `id: <sequence>`, `event: progress`, `data: <the state GET /api/progress/{taskId} answers>`. The stream closes after the terminal state (completed, error, cancelled). Reconnect with `Last-Event-ID: <sequence>` to get exactly the changes after it; comments (`: keep-alive`) keep idle connections open.")
	@GetMapping(path = "/api/progress/{taskId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	void events(@PathVariable UUID taskId, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		Task task = this.tasks.get(taskId, this.owners.current());
		long resumeAfter = parseLastEventId(lastEventId);
		EventStream stream = EventStream.open(request, response, this.properties.streamTimeout(),
				this.properties.slowReaderBuffer().toBytes());
		Subscription subscription = new Subscription(taskId, stream, Math.max(resumeAfter, 0),
				(after) -> this.tasks.changesAfter(taskId, after), this.hub::render);
		this.hub.subscribe(subscription);
		stream.whenEnded(() -> {
			subscription.markClosed();
			this.hub.unsubscribe(subscription);
		});
		if (resumeAfter >= 0) {
			subscription.catchUp();
		}
		else {
			subscription.sendCurrent(new ProgressChanged(task.id(), task.sequence(), task.view()));
			subscription.catchUp();
		}
		closeIfNothingMoreWillCome(subscription, taskId);
	}

	/** A client that resumes after the terminal event has seen everything there is. */
	private void closeIfNothingMoreWillCome(Subscription subscription, UUID taskId) {
		boolean over = this.tasks.load(taskId)
			.map((task) -> task.status().isTerminal() && subscription.lastSent() >= task.sequence())
			.orElse(true);
		if (over) {
			subscription.close();
			this.hub.unsubscribe(subscription);
		}
	}

	private static long parseLastEventId(String lastEventId) {
		if (lastEventId == null || lastEventId.isBlank()) {
			return -1;
		}
		try {
			long value = Long.parseLong(lastEventId.trim());
			if (value < 0) {
				throw new NumberFormatException();
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest("Last-Event-ID '" + lastEventId
					+ "' is not an event id of this stream; send the id of the last event you received, a whole number.");
		}
	}

}
