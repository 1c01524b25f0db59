package io.sightline.source.youtube;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the YouTube source ({@code sightline.youtube.*}).
 *
 * @param baseUrl where all YouTube traffic goes, the caption addresses YouTube hands out
 * included (default {@code https://www.youtube.com}); point it at a replay server or a
 * reverse proxy
 * @param proxy an HTTP proxy for YouTube traffic, such as
 * {@code http://user:secret@proxy:3128}, for servers whose address YouTube blocks
 * @param clientName the innertube client Sightline presents itself as (default
 * {@code ANDROID})
 * @param clientVersion that client's version (default {@code 20.10.38})
 * @param languages caption languages to prefer after the one a request asks for (default
 * {@code en})
 * @param connectTimeout how long to wait for a connection (default 10s)
 * @param readTimeout how long to wait for an answer (default 30s)
 * @param captionUrlLifetime how long the caption addresses of a player answer are trusted
 * before the player is asked again (default 1h; YouTube signs them for a few hours)
 * @param audio how the audio of a video without captions is read, to transcribe it
 * @param ytDlp a yt-dlp binary (a path, or {@code yt-dlp} on the {@code PATH}) that
 * downloads the audio instead of Sightline's own download, for networks where only
 * yt-dlp's ways of asking get streams; none by default. The proxy and the cookies file
 * are passed on, and the user's own yt-dlp configuration applies
 * @param cookies a cookies file in Netscape format for yt-dlp (signed-in or
 * age-restricted videos); none by default
 * @param lists how playlists and channels are read
 * @param minInterval the least time between two requests this node sends to YouTube
 * (default 1s; the audio streams are not counted)
 */
@ConfigurationProperties("sightline.youtube")
record YouTubeProperties(@DefaultValue("https://www.youtube.com") URI baseUrl, URI proxy,
		@DefaultValue("ANDROID") String clientName, @DefaultValue("20.10.38") String clientVersion,
		@DefaultValue("en") List<String> languages, @DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("30s") Duration readTimeout, @DefaultValue("1h") Duration captionUrlLifetime,
		@DefaultValue Audio audio, String ytDlp, Path cookies, @DefaultValue Lists lists,
		@DefaultValue("1s") Duration minInterval) {

	/**
	 * Reading a video's audio ({@code sightline.youtube.audio.*}). Which innertube
	 * client's player answer carries stream addresses that play without a proof-of-origin
	 * token changes over time; this is the one place that says.
	 *
	 * @param clientName the client asked for stream addresses (default {@code VISIONOS},
	 * which needs no token in 2026)
	 * @param clientVersion its version (default {@code 1.02})
	 * @param maxSize the most audio downloaded for one video (default 1 GB)
	 * @param rangeSize the most asked for in one request (default 10 MB): YouTube slows
	 * down single large reads
	 */
	record Audio(@DefaultValue("VISIONOS") String clientName, @DefaultValue("1.02") String clientVersion,
			@DefaultValue("1GB") DataSize maxSize, @DefaultValue("10MB") DataSize rangeSize) {
	}

	/**
	 * Reading playlists and channels ({@code sightline.youtube.lists.*}) through the
	 * innertube browse API, as the client named here.
	 *
	 * @param clientName the client (default {@code WEB}, whose answers the parser knows)
	 * @param clientVersion its version (default {@code 2.20260519.10.00})
	 */
	record Lists(@DefaultValue("WEB") String clientName, @DefaultValue("2.20260519.10.00") String clientVersion) {
	}

}
