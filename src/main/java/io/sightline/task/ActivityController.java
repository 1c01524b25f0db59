package io.sightline.task;

import java.util.List;

import io.sightline.system.Owners;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's activity: what runs now and what ended in the last day. */
@Tag(name = "Tasks")
@RestController
class ActivityController {

	private final Tasks tasks;

	private final Owners owners;

	ActivityController(Tasks tasks, Owners owners) {
		this.tasks = tasks;
		this.owners = owners;
	}

	/**
	 * The caller's requests, newest first, with how many still run: {@code items} are the
	 * states {@code GET /api/progress/{id}} answers.
	 */
	record Activity(List<TaskView> items, long running) {
	}

	@Operation(summary = "The caller's requests in flight and those that ended in the last day, newest first.")
	@GetMapping("/api/tasks")
	Activity recent() {
		List<TaskView> items = this.tasks.recent(this.owners.current());
		return new Activity(items, items.stream().filter((view) -> view.status() == TaskStatus.PROCESSING).count());
	}

}
