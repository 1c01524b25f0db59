package io.sightline.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {

	@Test
	void readsTheWaysTimesAreWritten() {
		assertThat(Timestamps.seconds("1:02:03")).isEqualTo(3723.0);
		assertThat(Timestamps.seconds("62:03")).isEqualTo(3723.0);
		assertThat(Timestamps.seconds("00:01:02,500")).isEqualTo(62.5);
		assertThat(Timestamps.seconds("00:01:02.500")).isEqualTo(62.5);
		assertThat(Timestamps.seconds("[3:25]")).isEqualTo(205.0);
		assertThat(Timestamps.seconds(" (3:25) ")).isEqualTo(205.0);
		assertThat(Timestamps.seconds("75.5")).isEqualTo(75.5);
		assertThat(Timestamps.seconds("0")).isEqualTo(0.0);
	}

	@Test
	void answersNullForWhatIsNotATime() {
		assertThat(Timestamps.seconds(null)).isNull();
		assertThat(Timestamps.seconds("")).isNull();
		assertThat(Timestamps.seconds("soon")).isNull();
		assertThat(Timestamps.seconds("1:75")).isNull();
		assertThat(Timestamps.seconds("1:2:3:4")).isNull();
		assertThat(Timestamps.seconds("-5")).isNull();
		assertThat(Timestamps.seconds("1:")).isNull();
		assertThat(Timestamps.seconds("1".repeat(40))).isNull();
	}

}
