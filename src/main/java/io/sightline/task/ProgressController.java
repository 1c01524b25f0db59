package io.sightline.task;

import java.util.Map;
import java.util.UUID;

import io.sightline.system.Owners;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Polling, cleaning and cancelling a task's progress. */
@Tag(name = "Tasks")
@RestController
@RequestMapping("/api/progress")
class ProgressController {

	private final Tasks tasks;

	private final Owners owners;

	ProgressController(Tasks tasks, Owners owners) {
		this.tasks = tasks;
		this.owners = owners;
	}

	@Operation(summary = "A task's state: progress, stage, phase, status, failure, retry.",
			description = "Programs decide from the typed fields (status, phase, failure, retry, progress); stage and error are sentences for people.")
	@GetMapping("/{taskId}")
	TaskView get(@PathVariable UUID taskId) {
		return this.tasks.view(taskId, this.owners.current());
	}

	@Operation(summary = "Removes an ended task's record (its summary stays); 409 while it runs.")
	@DeleteMapping("/{taskId}")
	Map<String, String> delete(@PathVariable UUID taskId) {
		this.tasks.delete(taskId, this.owners.current());
		return Map.of("status", "cleaned");
	}

	@Operation(summary = "Cancels a running task, on whichever node runs it; nothing is saved.")
	@PostMapping("/{taskId}/cancel")
	TaskView cancel(@PathVariable UUID taskId) {
		return this.tasks.cancel(taskId, this.owners.current());
	}

}
