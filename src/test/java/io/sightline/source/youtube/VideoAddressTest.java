package io.sightline.source.youtube;

import io.sightline.source.SourceFailure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VideoAddressTest {

	@ParameterizedTest
	@ValueSource(
			strings = { "https://www.youtube.com/watch?v=GJLlxj_dtq8", "https://youtube.com/watch?v=GJLlxj_dtq8&t=42s",
					"https://m.youtube.com/watch?v=GJLlxj_dtq8", "https://music.youtube.com/watch?v=GJLlxj_dtq8&si=Xy",
					"https://www.youtube.com/watch?list=PL1&v=GJLlxj_dtq8&index=3", "https://youtu.be/GJLlxj_dtq8",
					"https://youtu.be/GJLlxj_dtq8?si=abc&t=10", "https://www.youtube.com/shorts/GJLlxj_dtq8",
					"https://www.youtube.com/live/GJLlxj_dtq8?feature=share",
					"https://www.youtube.com/embed/GJLlxj_dtq8", "https://www.youtube-nocookie.com/embed/GJLlxj_dtq8",
					"http://WWW.YOUTUBE.COM/watch?v=GJLlxj_dtq8", "https://www.youtube.com/v/GJLlxj_dtq8" })
	void readsTheVideoIdOfEveryShape(String url) {
		assertThat(VideoAddress.isYouTube(url)).isTrue();
		assertThat(VideoAddress.videoId(url)).isEqualTo("GJLlxj_dtq8");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "https://www.youtube.com/playlist?list=PLx|playlist", "https://www.youtube.com/@Dave2D|channel",
					"https://www.youtube.com/channel/UCVYamHliCI9rw1tHR1xbkfw|channel",
					"https://www.youtube.com/c/Dave2D/videos|channel", "https://www.youtube.com/user/someone|channel" })
	void playlistsAndChannelsAreNotSingleVideos(String url, String kind) {
		assertThatThrownBy(() -> VideoAddress.videoId(url)).isInstanceOf(SourceFailure.class)
			.hasFieldOrPropertyWithValue("code", "request.youtube_" + kind)
			.hasMessageContaining("is a " + kind);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://www.youtube.com/watch?v=short", "https://youtu.be/GJLlxj_dtq8xx",
			"https://www.youtube.com/watch?v=GJLlxj%20dtq", "https://www.youtube.com/shorts/a$b" })
	void idsThatAreNotElevenSafeCharactersAreRefused(String url) {
		assertThatThrownBy(() -> VideoAddress.videoId(url)).isInstanceOf(SourceFailure.class)
			.hasMessageContaining("is not a YouTube video id");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://www.youtube.com/", "https://www.youtube.com/feed/trending",
			"https://www.youtube.com/results?search_query=x" })
	void otherYouTubePagesAreNotVideos(String url) {
		assertThatThrownBy(() -> VideoAddress.videoId(url)).isInstanceOf(SourceFailure.class)
			.hasMessageContaining("is not the address of a YouTube video");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://vimeo.com/123", "https://notyoutube.com/watch?v=GJLlxj_dtq8",
			"https://www.youtube.com.evil.example/watch?v=GJLlxj_dtq8" })
	void otherHostsAreNotYouTube(String url) {
		assertThat(VideoAddress.isYouTube(url)).isFalse();
	}

}
