package io.sightline.source.youtube;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
 */
@ConfigurationProperties("sightline.youtube")
record YouTubeProperties(@DefaultValue("https://www.youtube.com") URI baseUrl, URI proxy,
		@DefaultValue("ANDROID") String clientName, @DefaultValue("20.10.38") String clientVersion,
		@DefaultValue("en") List<String> languages, @DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("30s") Duration readTimeout, @DefaultValue("1h") Duration captionUrlLifetime) {
}
