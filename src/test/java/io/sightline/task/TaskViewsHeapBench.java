package io.sightline.task;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;

/**
 * Heap held per finished task a node keeps in memory (its cached latest state), measured
 * as the used-heap difference after full collections around filling the cache with 10,000
 * finished tasks.
 * {@code BENCH_MAIN=io.sightline.task.TaskViewsHeapBench bench/quality/run.sh}
 */
public final class TaskViewsHeapBench {

	private TaskViewsHeapBench() {
	}

	public static void main(String[] args) throws Exception {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		TaskProperties properties = new TaskProperties(Duration.ofHours(1), Duration.ofMinutes(1), 3,
				Duration.ofMillis(250), count * 2);
		TaskViews views = new TaskViews(properties, Clock.systemUTC(), JsonMapper.builder().build());
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long before = settledHeap(memory);
		for (int i = 0; i < count; i++) {
			// each task is dropped once remembered: only what the cache holds stays
			// reachable
			Instant at = Instant.now();
			Task task = Task.queued("local",
					new TaskSource(TaskSource.Kind.UPLOAD, null, "talk-" + i + ".srt", null, null, null), 3,
					"Queued, waiting for a worker...", at);
			task.startStage(Phase.STORING, "Saving the summary...", 90, at);
			task.complete("Summary ready (" + i + ")", at.plusMillis(1));
			views.remember(task);
		}
		long after = settledHeap(memory);
		System.out.printf(Locale.ROOT, "%d finished tasks cached: %.0f bytes each (%d entries)%n", count,
				(after - before) / (double) count, views.size());
	}

	private static long settledHeap(MemoryMXBean memory) {
		long used = Long.MAX_VALUE;
		// an explicit GC is a full, stop-the-world collection: the heap is settled when
		// it returns
		for (int i = 0; i < 5; i++) {
			System.gc();
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}
