package io.sightline.task;

import java.util.Map;
import java.util.UUID;

import io.sightline.system.Owners;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Polling, cleaning and cancelling a task's progress. */
@RestController
@RequestMapping("/api/progress")
class ProgressController {

	private final Tasks tasks;

	private final Owners owners;

	ProgressController(Tasks tasks, Owners owners) {
		this.tasks = tasks;
		this.owners = owners;
	}

	@GetMapping("/{taskId}")
	TaskView get(@PathVariable UUID taskId) {
		return this.tasks.view(taskId, this.owners.current());
	}

	@DeleteMapping("/{taskId}")
	Map<String, String> delete(@PathVariable UUID taskId) {
		this.tasks.delete(taskId, this.owners.current());
		return Map.of("status", "cleaned");
	}

	@PostMapping("/{taskId}/cancel")
	TaskView cancel(@PathVariable UUID taskId) {
		return this.tasks.cancel(taskId, this.owners.current());
	}

}
