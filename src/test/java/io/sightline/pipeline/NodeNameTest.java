package io.sightline.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NodeNameTest {

	@Test
	void everyProcessAndEveryNodeInItHasANameOfItsOwn() {
		NodeName first = new NodeName("");
		NodeName second = new NodeName(" ");

		assertThat(first.name()).contains("-" + ProcessHandle.current().pid() + "-");
		assertThat(first.name()).isNotEqualTo(second.name());
		assertThat(first.schedulerName()).get().extracting((name) -> name.getName()).isEqualTo(first.name());
	}

	@Test
	void aConfiguredNameIsUsedAsItIs() {
		assertThat(new NodeName(" node-a ").name()).isEqualTo("node-a");
	}

}
